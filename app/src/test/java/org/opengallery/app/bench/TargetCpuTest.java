package org.opengallery.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetCpuTest {

    @Test
    void withoutPostgresOnlyTheJvmIsCountedAndTheDatabaseIsNotANumber() {
        TargetCpu cpu = new TargetCpu(ProcessHandle.current(), null, null);
        cpu.mark();
        long sum = 0;
        for (int i = 0; i < 1_000_000; i++) {
            sum += Integer.toString(i).hashCode();
        }
        TargetCpu.Seconds used = cpu.sinceMark();
        assertThat(sum).isNotZero();
        assertThat(used.jvm()).isGreaterThanOrEqualTo(0);
        assertThat(used.database()).isNaN();
    }

    @Test
    void anUnreachableDatabaseIsNotANumberRatherThanAFailure() {
        TargetCpu cpu = new TargetCpu(ProcessHandle.current(), "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1",
                "og-bench-test");
        cpu.mark();
        assertThat(cpu.sinceMark().database()).isNaN();
    }
}
