package org.opengallery.sellerdemo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opengallery.protocol.message.usage.UsageRecord;
import org.opengallery.protocol.time.ProtocolTime;
import org.opengallery.sellerkit.client.UsagePushClient;
import org.opengallery.sellerkit.client.UsagePushResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pushes pay-per-use usage hourly, a few minutes after the hour (the spec asks for 0–15 minutes after it): one
 * record per workspace and finished hour, its {@code metering_sn} derived from both so a resend is recognised
 * as the same record. Hours the platform did not confirm stay unpushed and go again next time.
 */
@Component
public class UsageReporter {

    private static final Logger LOG = LoggerFactory.getLogger(UsageReporter.class);

    private final Workspaces workspaces;
    private final ObjectProvider<UsagePushClient> client;
    private final NotesSaas saas;
    private final AtomicBoolean warned = new AtomicBoolean();

    UsageReporter(Workspaces workspaces, ObjectProvider<UsagePushClient> client, NotesSaas saas) {
        this.workspaces = workspaces;
        this.client = client;
        this.saas = saas;
    }

    @Scheduled(cron = "0 5 * * * *", zone = "UTC")
    void hourly() {
        pushFinishedHours(saas.now());
    }

    /** Pushes every finished, unpushed hour as of {@code now}; returns how many records the platform accepted. */
    public int pushFinishedHours(Instant now) {
        UsagePushClient push = client.getIfAvailable();
        List<Workspaces.Usage> due = workspaces.unpushedBefore(now.truncatedTo(ChronoUnit.HOURS));
        if (due.isEmpty()) {
            return 0;
        }
        if (push == null) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("{} hours of usage to push but no open API configured (opengallery.seller.open-api.base-url)",
                        due.size());
            }
            return 0;
        }
        List<UsageRecord> records = new ArrayList<>();
        for (Workspaces.Usage usage : due) {
            Instant end = usage.hourStart().plus(1, ChronoUnit.HOURS);
            records.add(new UsageRecord(usage.instanceId(), now, usage.hourStart(), end,
                    java.math.BigDecimal.valueOf(usage.notesCreated()), meteringSn(usage), null));
        }
        UsagePushResult result = push.push(records);
        if (!result.allAccepted()) {
            LOG.warn("usage push not fully accepted: {}", result.notAccepted());
            return 0;
        }
        due.forEach(workspaces::markPushed);
        return due.size();
    }

    static String meteringSn(Workspaces.Usage usage) {
        return usage.instanceId() + "-" + ProtocolTime.formatIsoBasic(usage.hourStart());
    }
}
