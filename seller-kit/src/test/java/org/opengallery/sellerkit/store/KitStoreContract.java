package org.opengallery.sellerkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The {@link KitStore} contract; each implementation's test extends this. */
abstract class KitStoreContract {

    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(15);

    /** A store on fresh, empty tables. */
    abstract KitStore store();

    /** A second store object on the same tables: another node. */
    KitStore otherNode() {
        return store();
    }

    @Test
    void theFirstClaimOfAKeyClaimsIt() {
        Claim claim = store().claim("create:CS1:L1", "biz-1", "{\"r\":1}", T0, LEASE);
        assertThat(claim).isInstanceOf(Claim.Claimed.class);
        Operation op = claim.operation();
        assertThat(op.instanceId()).isEqualTo("biz-1");
        assertThat(op.status()).isEqualTo(OperationStatus.IN_PROGRESS);
        assertThat(op.leaseUntil()).isEqualTo(T0.plus(LEASE));
        assertThat(op.requestJson()).isEqualTo("{\"r\":1}");
        assertThat(op.attempts()).isEqualTo(1);
    }

    @Test
    void aDoneOperationIsAlreadyDoneWithItsResult() {
        KitStore store = store();
        store.claim("k", "biz-1", null, T0, LEASE);
        store.complete("k", "{\"instanceId\":\"biz-1\"}", T0.plusSeconds(1));
        Claim again = store.claim("k", "biz-2", null, T0.plusSeconds(2), LEASE);
        assertThat(again).isInstanceOf(Claim.AlreadyDone.class);
        assertThat(again.operation().resultJson()).isEqualTo("{\"instanceId\":\"biz-1\"}");
        assertThat(again.operation().instanceId()).isEqualTo("biz-1");
    }

    @Test
    void anOperationInProgressWithALiveLeaseIsInProgressElsewhere() {
        KitStore store = store();
        store.claim("k", "biz-1", null, T0, LEASE);
        assertThat(store.claim("k", "biz-2", null, T0.plusSeconds(60), LEASE)).isInstanceOf(Claim.InProgressElsewhere.class);
    }

    @Test
    void anExpiredLeaseIsTakenOverKeepingTheInstanceId() {
        KitStore store = store();
        store.claim("k", "biz-1", "{\"r\":1}", T0, LEASE);
        Claim taken = store.claim("k", "biz-2", "{\"r\":2}", T0.plus(LEASE).plusSeconds(1), LEASE);
        assertThat(taken).isInstanceOf(Claim.Claimed.class);
        assertThat(taken.operation().instanceId()).isEqualTo("biz-1");
        assertThat(taken.operation().attempts()).isEqualTo(2);
        assertThat(taken.operation().requestJson()).isEqualTo("{\"r\":1}");
    }

    @Test
    void completingWithAnInstanceRecordsTheOperationDoneAndTheInstance() {
        KitStore store = store();
        store.claim("k", "biz-1", null, T0, LEASE);
        InstanceRecord active = new InstanceRecord("biz-1", "CS1", "CS1-000001", "P1", InstanceState.ACTIVE, null,
                "{\"frontEndUrl\":\"https://x\"}", null, T0, T0);
        store.complete("k", "{\"instanceId\":\"biz-1\"}", active, T0.plusSeconds(1));
        assertThat(store.operation("k").orElseThrow().status()).isEqualTo(OperationStatus.DONE);
        assertThat(store.instance("biz-1")).contains(active);
    }

    @Test
    void aFailedOperationIsClaimedAgainAndRecordsWhatWasAnswered() {
        KitStore store = store();
        store.claim("k", "biz-1", null, T0, LEASE);
        store.fail("k", "000106", "sold out", T0.plusSeconds(1));
        Operation failed = store.operation("k").orElseThrow();
        assertThat(failed.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(failed.resultCode()).isEqualTo("000106");
        assertThat(failed.resultMessage()).isEqualTo("sold out");
        Claim retry = store.claim("k", "biz-2", null, T0.plusSeconds(2), LEASE);
        assertThat(retry).isInstanceOf(Claim.Claimed.class);
        assertThat(retry.operation().instanceId()).isEqualTo("biz-1");
        assertThat(retry.operation().resultCode()).isNull();
    }

    @Test
    void abandonedListsOnlyInProgressOperationsWhoseLeaseRanOut() {
        KitStore store = store();
        store.claim("live", "a", null, T0, LEASE);
        store.claim("dead", "b", null, T0.minus(LEASE).minusSeconds(1), LEASE);
        store.claim("done", "c", null, T0.minus(LEASE).minusSeconds(1), LEASE);
        store.complete("done", "{}", T0);
        assertThat(store.abandoned(T0)).extracting(Operation::key).containsExactly("dead");
    }

    @Test
    void unknownKeysAndInstancesAreEmpty() {
        assertThat(store().operation("nope")).isEmpty();
        assertThat(store().instance("nope")).isEmpty();
        assertThat(store().syncPresence("nope")).isEmpty();
    }

    @Test
    void instancesAreInsertedAndReplaced() {
        KitStore store = store();
        InstanceRecord first = new InstanceRecord("biz-1", "CS1", "CS1-000001", "P1", InstanceState.PROVISIONING,
                null, null, null, T0, T0);
        store.saveInstance(first);
        assertThat(store.instance("biz-1")).contains(first);
        InstanceRecord active = new InstanceRecord("biz-1", "CS1", "CS1-000001", "P2", InstanceState.ACTIVE,
                T0.plus(Duration.ofDays(365)), "{\"frontEndUrl\":\"https://x\",\"password\":\"中文 pw\"}", "LIC-1",
                T0, T0.plusSeconds(5));
        store.saveInstance(active);
        assertThat(store.instance("biz-1")).contains(active);
    }

    @Test
    void saveIfAbsentNeverReplacesAnExistingInstance() {
        KitStore store = store();
        InstanceRecord active = new InstanceRecord("biz-1", "CS1", null, null, InstanceState.ACTIVE, null, "{}", null, T0, T0);
        assertThat(store.saveInstanceIfAbsent(active)).isTrue();
        InstanceRecord provisioning = active.withState(InstanceState.PROVISIONING, T0.plusSeconds(1));
        assertThat(store.saveInstanceIfAbsent(provisioning)).isFalse();
        assertThat(store.instance("biz-1")).contains(active);
    }

    @Test
    void syncPresenceIsRecordedAndReplaced() {
        KitStore store = store();
        store.saveSyncPresence("tenant:i:t", true, T0);
        assertThat(store.syncPresence("tenant:i:t")).contains(true);
        store.saveSyncPresence("tenant:i:t", false, T0);
        assertThat(store.syncPresence("tenant:i:t")).contains(false);
    }

    @Test
    void concurrentFirstClaimsOfOneKeyYieldExactlyOneClaimed() throws Exception {
        KitStore here = store();
        KitStore there = otherNode();
        for (int round = 0; round < 10; round++) {
            String key = "race-" + round;
            List<Claim> claims = race(12, i -> (i % 2 == 0 ? here : there).claim(key, "biz-" + i, null, T0, LEASE));
            assertThat(claims.stream().filter(Claim.Claimed.class::isInstance)).hasSize(1);
            String winner = claims.stream().filter(Claim.Claimed.class::isInstance).findFirst().orElseThrow()
                    .operation().instanceId();
            assertThat(claims).allSatisfy(c -> assertThat(c.operation().instanceId()).isEqualTo(winner));
        }
    }

    @Test
    void concurrentTakeoversOfAnExpiredOperationYieldExactlyOneClaimed() throws Exception {
        KitStore store = store();
        store.claim("expired", "biz-1", null, T0, LEASE);
        Instant later = T0.plus(LEASE).plusSeconds(1);
        KitStore there = otherNode();
        List<Claim> claims = race(12, i -> (i % 2 == 0 ? store : there).claim("expired", "biz-x", null, later, LEASE));
        assertThat(claims.stream().filter(Claim.Claimed.class::isInstance)).hasSize(1);
        assertThat(store.operation("expired").orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void aClaimOnAnUnknownInstanceClaimsNothing() {
        InstanceClaim claimed = store().claimOnLiveInstance("refresh:nobody", "nobody", T0, LEASE);
        assertThat(claimed.instance()).isEmpty();
        assertThat(claimed.claim()).isNull();
        assertThat(store().operation("refresh:nobody")).isEmpty();
    }

    @Test
    void aClaimOnAReleasedInstanceReturnsItAndClaimsNothing() {
        KitStore store = store();
        store.saveInstance(new InstanceRecord("biz-r", "CS1", "CS1-000001", "P1", InstanceState.RELEASED, null, "{}",
                null, T0, T0));
        InstanceClaim claimed = store.claimOnLiveInstance("release:biz-r", "biz-r", T0, LEASE);
        assertThat(claimed.instance()).map(InstanceRecord::state).contains(InstanceState.RELEASED);
        assertThat(claimed.live()).isFalse();
        assertThat(claimed.claim()).isNull();
        assertThat(store.operation("release:biz-r")).isEmpty();
    }

    @Test
    void aClaimOnALiveInstanceClaimsOnceThenFindsItInProgressThenDone() {
        KitStore store = store();
        InstanceRecord live = new InstanceRecord("biz-l", "CS1", "CS1-000001", "P1", InstanceState.ACTIVE, null, "{}",
                null, T0, T0);
        store.saveInstance(live);
        InstanceClaim first = store.claimOnLiveInstance("refresh:biz-l:CS2", "biz-l", T0, LEASE);
        assertThat(first.instance()).contains(live);
        assertThat(first.claim()).isInstanceOf(Claim.Claimed.class);
        assertThat(first.claim().operation().instanceId()).isEqualTo("biz-l");
        assertThat(store.operation("refresh:biz-l:CS2").orElseThrow().status()).isEqualTo(OperationStatus.IN_PROGRESS);

        assertThat(otherNode().claimOnLiveInstance("refresh:biz-l:CS2", "biz-l", T0.plusSeconds(1), LEASE).claim())
                .isInstanceOf(Claim.InProgressElsewhere.class);
        store.complete("refresh:biz-l:CS2", "{}", T0.plusSeconds(2));
        assertThat(store.claimOnLiveInstance("refresh:biz-l:CS2", "biz-l", T0.plusSeconds(3), LEASE).claim())
                .isInstanceOf(Claim.AlreadyDone.class);
    }

    @Test
    void concurrentClaimsOnOneLiveInstanceYieldExactlyOneClaimed() throws Exception {
        KitStore here = store();
        KitStore there = otherNode();
        here.saveInstance(new InstanceRecord("biz-c", "CS1", "CS1-000001", "P1", InstanceState.ACTIVE, null, "{}",
                null, T0, T0));
        List<Claim> claims = race(12, i -> (i % 2 == 0 ? here : there)
                .claimOnLiveInstance("release:biz-c", "biz-c", T0, LEASE).claim());
        assertThat(claims.stream().filter(Claim.Claimed.class::isInstance)).hasSize(1);
    }

    interface Racer {
        Claim run(int index) throws Exception;
    }

    static List<Claim> race(int threads, Racer racer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Claim>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            Callable<Claim> task = () -> {
                gate.await();
                return racer.run(index);
            };
            futures.add(pool.submit(task));
        }
        gate.countDown();
        List<Claim> claims = new ArrayList<>();
        for (Future<Claim> f : futures) {
            claims.add(f.get());
        }
        pool.shutdown();
        return claims;
    }
}
