package dev.vitals.model.diagnostics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Histogram text as {@code GC.class_histogram} prints it, diffs, deadlock rings and the JSON round trip. */
class DiagnosticsValuesTest {
    /** The layout of JDK 25's {@code jcmd PID GC.class_histogram} (JDK 17's is the same). */
    static final String HISTOGRAM_BEFORE = """
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         18265         968016  [B (java.base@25.0.3)
               2:          7120         170880  java.lang.String (java.base@25.0.3)
               5:          4460         107040  dev.vitals.demo.Leak
            Total         29845        1245936
            """;
    static final String HISTOGRAM_AFTER = """
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         26265        1480016  [B (java.base@25.0.3)
               2:          7100         170400  java.lang.String (java.base@25.0.3)
               3:          8460         203040  dev.vitals.demo.Leak
               4:             3             72  java.lang.Object (java.base@25.0.3)
            Total         41828        1853528
            """;

    @Test
    void arrayClassesAreNamedAsJavaWritesThem() {
        assertThat(HistogramRow.javaName("[B")).isEqualTo("byte[]");
        assertThat(HistogramRow.javaName("[[I")).isEqualTo("int[][]");
        assertThat(HistogramRow.javaName("[Ljava.lang.Object;")).isEqualTo("java.lang.Object[]");
        assertThat(HistogramRow.javaName("[[Ljdk.internal.vm.FillerElement;")).isEqualTo("jdk.internal.vm.FillerElement[][]");
        assertThat(HistogramRow.javaName("java.lang.String")).isEqualTo("java.lang.String");
        assertThat(HistogramRow.javaName("[")).isEqualTo("[");
        assertThat(HistogramRow.javaName("[Q")).isEqualTo("[Q");
        assertThat(HistogramRow.javaName("[L;")).isEqualTo("[L;");
    }

    @Test
    void readsAHistogramAndDiffsTwo() {
        HeapHistogram before = HeapHistogram.parse(HISTOGRAM_BEFORE, 1000, true);
        assertThat(before.rows()).containsExactly(new HistogramRow("[B", "java.base@25.0.3", 18265, 968016),
                new HistogramRow("java.lang.String", "java.base@25.0.3", 7120, 170880),
                new HistogramRow("dev.vitals.demo.Leak", "", 4460, 107040));
        assertThat(before.totalBytes()).isEqualTo(968016 + 170880 + 107040);
        HistogramDiff diff = HistogramDiff.of(before, HeapHistogram.parse(HISTOGRAM_AFTER, 3000, true));
        assertThat(diff.grown()).extracting(HistogramDiff.Row::className)
                .containsExactly("[B", "dev.vitals.demo.Leak", "java.lang.Object");
        assertThat(diff.byClass().get("dev.vitals.demo.Leak").instancesDelta()).isEqualTo(4000);
        assertThat(diff.byClass().get("java.lang.String").bytesDelta()).isEqualTo(-480);
        assertThat(diff.byClass().get("java.lang.Object").instancesBefore()).isZero();
        assertThatThrownBy(() -> HeapHistogram.parse("Permission denied\n", 0, true))
                .hasMessage("not a class histogram: Permission denied");
    }

    @Test
    void aDeadlockRingStartsAtItsLowestIdAndAWaiterOutsideItIsNotPartOfIt() {
        Map<Long, DumpedThread> threads = Map.of(
                7L, blocked(7, "a", 9), 9L, blocked(9, "b", 12), 12L, blocked(12, "c", 7),
                20L, blocked(20, "outside", 9), 30L, blocked(30, "free", -1));
        assertThat(DeadlockCycle.from(9, threads::get).threadIds()).containsExactly(7L, 9L, 12L);
        assertThat(DeadlockCycle.from(20, threads::get).threadIds()).containsExactly(7L, 9L, 12L);
        assertThat(DeadlockCycle.from(30, threads::get)).isNull();
    }

    @Test
    void aDumpSurvivesJsonAndWritesJstackText() {
        DumpedThread a = blocked(7, "deadlock-a", 9);
        DumpedThread b = blocked(9, "deadlock-b", 7);
        DumpedThread v = new DumpedThread(40, "virtual-1", Thread.State.TIMED_WAITING, true, 0, -1, true,
                List.of(new StackFrame("java.lang.Thread", "sleep", "Thread.java", 540, List.of()),
                        new StackFrame("java.lang.Thread", "sleep0", "", -2, List.of())), null, -1, "", List.of());
        ThreadDump dump = new ThreadDump(1_700_000_000_000L, "OpenJDK 64-Bit Server VM 25, pid 1", List.of(a, b, v),
                List.of(new DeadlockCycle(List.of(7L, 9L))));
        assertThat(DiagnosticsJson.readThreadDump(DiagnosticsJson.write(dump))).isEqualTo(dump);
        String text = dump.jstackText();
        assertThat(text).contains("""
                "deadlock-a" #7 prio=5 cpu=1.50ms
                   java.lang.Thread.State: BLOCKED (on object monitor)
                \tat demo.Work.lockInOrder(Work.java:133)
                \t- waiting to lock <0x00000009> (a java.lang.Object) owned by "deadlock-b" #9
                \t- locked <0x00000007> (a java.lang.Object)
                \tat demo.Work.run(Work.java:10)

                   Locked ownable synchronizers:
                \t- None
                """, """
                "virtual-1" #40 virtual daemon
                   java.lang.Thread.State: TIMED_WAITING
                \tat java.lang.Thread.sleep(Thread.java:540)
                \tat java.lang.Thread.sleep0(Native Method)
                """, """
                Found one Java-level deadlock:
                =============================
                "deadlock-a":
                  waiting to lock <0x00000009> (a java.lang.Object),
                  which is held by "deadlock-b"
                """, "Found 1 deadlock.\n");
        HeapHistogram histogram = HeapHistogram.parse(HISTOGRAM_BEFORE, 1000, false);
        assertThat(DiagnosticsJson.readHistogram(DiagnosticsJson.write(histogram))).isEqualTo(histogram);
        assertThatThrownBy(() -> DiagnosticsJson.readThreadDump("{\"jvm\": 3}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stayedBlockedKeepsOnlyThreadsWaitingForTheSameHeldLockAtTheSameFrame() {
        ThreadDump earlier = new ThreadDump(0, "jvm", List.of(blocked(7, "a", 9), blocked(8, "moved-on", 9)), List.of());
        ThreadDump later = new ThreadDump(1, "jvm", List.of(blocked(7, "a", 9),
                new DumpedThread(8, "moved-on", Thread.State.RUNNABLE, false, 5, 0, false, List.of(), null, -1, "", List.of())),
                List.of());
        assertThat(StayedBlocked.between(earlier, later).threads()).extracting(DumpedThread::name).containsExactly("a");
    }

    /** A thread blocked in {@code demo.Work.lockInOrder} on the monitor (hash = owner id) that {@code owner} holds. */
    static DumpedThread blocked(long id, String name, long owner) {
        List<StackFrame> stack = List.of(
                new StackFrame("demo.Work", "lockInOrder", "Work.java", 133, List.of(new LockRef("java.lang.Object", (int) id))),
                new StackFrame("demo.Work", "run", "Work.java", 10, List.of()));
        return new DumpedThread(id, name, owner < 0 ? Thread.State.RUNNABLE : Thread.State.BLOCKED, false, 5, 1_500_000,
                false, stack, owner < 0 ? null : new LockRef("java.lang.Object", (int) owner), owner,
                owner < 0 ? "" : name.equals("deadlock-a") ? "deadlock-b" : "deadlock-a", List.of());
    }
}
