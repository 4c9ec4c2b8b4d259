package org.opengallery.sellerkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class UsageBatchingProperties {

    @Property
    void batchesKeepEveryRecordInOrderAndOnlyTheLastIsShort(@ForAll @IntRange(min = 0, max = 5000) int count,
            @ForAll @IntRange(min = 1, max = 1000) int size) {
        List<Integer> items = IntStream.range(0, count).boxed().toList();

        List<List<Integer>> batches = UsagePushClient.batches(items, size);

        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(items);
        assertThat(batches).hasSize((count + size - 1) / size);
        for (int i = 0; i < batches.size(); i++) {
            List<Integer> batch = batches.get(i);
            assertThat(batch).isNotEmpty();
            if (i < batches.size() - 1) {
                assertThat(batch).hasSize(size);
            } else {
                assertThat(batch.size()).isLessThanOrEqualTo(size);
            }
        }
    }
}
