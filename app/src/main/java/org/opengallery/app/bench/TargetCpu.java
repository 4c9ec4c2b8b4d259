package org.opengallery.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time spent serving one timed run: by the target JVM, and, when the kit's store is a PostgreSQL on this
 * machine, by the server processes of the target's own connections (found by their application name, so other
 * people's work on the same server is not counted). On a shared machine throughput swings with everybody else's
 * load, while CPU per request barely moves: it is the figure to compare before and after a change.
 */
final class TargetCpu {

    /** Linux's USER_HZ on every mainstream architecture: /proc reports CPU time in these ticks. */
    private static final double TICKS_PER_SECOND = 100;

    private final ProcessHandle jvm;
    private final String postgresUrl;
    private final String applicationName;
    private double jvmSecondsAtMark;
    private Map<Long, Long> backendTicksAtMark = Map.of();

    /**
     * @param postgresUrl     the PostgreSQL URL to look the target's connections up on, or null when the store
     *                        is not PostgreSQL
     * @param applicationName the application name the target's connections carry
     */
    TargetCpu(ProcessHandle jvm, String postgresUrl, String applicationName) {
        this.jvm = jvm;
        this.postgresUrl = postgresUrl;
        this.applicationName = applicationName;
    }

    /** CPU seconds of one run: the target JVM's, and its database connections' (NaN when not measured). */
    record Seconds(double jvm, double database) {
    }

    void mark() {
        jvmSecondsAtMark = jvmSeconds();
        backendTicksAtMark = backendTicks();
    }

    Seconds sinceMark() {
        double jvmSeconds = jvmSeconds() - jvmSecondsAtMark;
        if (postgresUrl == null) {
            return new Seconds(jvmSeconds, Double.NaN);
        }
        long ticks = 0;
        Map<Long, Long> now = backendTicks();
        if (now.isEmpty()) {
            return new Seconds(jvmSeconds, Double.NaN);
        }
        for (Map.Entry<Long, Long> backend : now.entrySet()) {
            // A connection opened during the run spent all its CPU in it.
            ticks += backend.getValue() - backendTicksAtMark.getOrDefault(backend.getKey(), 0L);
        }
        return new Seconds(jvmSeconds, ticks / TICKS_PER_SECOND);
    }

    private double jvmSeconds() {
        return jvm.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private Map<Long, Long> backendTicks() {
        if (postgresUrl == null) {
            return Map.of();
        }
        Map<Long, Long> ticks = new HashMap<>();
        try (Connection c = DriverManager.getConnection(postgresUrl);
             PreparedStatement s = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
            s.setString(1, applicationName);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long pid = rs.getLong(1);
                    Long used = processTicks(pid);
                    if (used != null) {
                        ticks.put(pid, used);
                    }
                }
            }
        } catch (SQLException unreadable) {
            return Map.of();
        }
        return ticks;
    }

    /** utime + stime of a process from /proc (fields 14 and 15, counted after the parenthesised name). */
    private static Long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException notHere) {
            return null; // not on this machine, or gone
        }
    }
}
