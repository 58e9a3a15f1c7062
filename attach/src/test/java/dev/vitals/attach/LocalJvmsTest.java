package dev.vitals.attach;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LocalJvmsTest {

    @Test
    void aStartedJvmAppearsAndVanishesWithinTwoSeconds() throws Exception {
        List<LocalJvms.Change> changes = new CopyOnWriteArrayList<>();
        try (LocalJvms.Watch watch = LocalJvms.watch(changes::add)) {
            TargetJvm target = TargetJvm.start(TargetJvm.JDK25, List.of());
            long started = System.nanoTime();
            try (target) {
                awaitChange(changes, c -> c.appeared().stream().anyMatch(j -> j.pid() == target.pid()), started);
                JvmDescriptor jvm = changes.stream().flatMap(c -> c.appeared().stream())
                        .filter(j -> j.pid() == target.pid()).findFirst().orElseThrow();
                assertThat(jvm.name()).isEqualTo("vitals-demo.jar");
                assertThat(jvm.arguments()).containsSequence("--threads", "1");
                assertThat(jvm.jvmArguments()).contains("-Xmx128m");
                assertThat(jvm.jdkFeature()).isEqualTo(25);
                assertThat(jvm.jdkVendor()).isNotEmpty();
                assertThat(jvm.user()).isEqualTo(System.getProperty("user.name"));
                assertThat(jvm.access()).isEqualTo(Access.STREAM);
                assertThat(jvm.attachable()).isTrue();
                assertThat(jvm.reason()).isEmpty();
                assertThat(jvm.self()).isFalse();
                assertThat(jvm.startEpochMillis()).isPositive();

                target.kill();
                long killed = System.nanoTime();
                awaitChange(changes, c -> c.vanished().stream().anyMatch(j -> j.pid() == target.pid()), killed);
            }
        }
    }

    @Test
    void jvmsThatCannotBeAttachedAreListedWithTheReason() throws Exception {
        try (TargetJvm disabled = TargetJvm.start(TargetJvm.JDK25, List.of("-XX:+DisableAttachMechanism"));
             TargetJvm noPerfData = TargetJvm.start(TargetJvm.JDK25, List.of("-XX:-UsePerfData"))) {
            JvmDescriptor d = disabled.awaitDiscovered(Duration.ofSeconds(5));
            assertThat(d.attachable()).isFalse();
            assertThat(d.access()).isEqualTo(Access.NONE);
            assertThat(d.reason()).contains("-XX:+DisableAttachMechanism");

            JvmDescriptor n = noPerfData.awaitDiscovered(Duration.ofSeconds(5));
            assertThat(n.name()).isEqualTo("vitals-demo.jar");
            assertThat(n.attachable()).isTrue();

            assertThat(LocalJvms.list()).extracting(JvmDescriptor::pid).contains(disabled.pid(), noPerfData.pid());

            long before = System.nanoTime();
            assertThatThrownBy(() -> Connection.attach(disabled.pid()))
                    .isInstanceOfSatisfying(ConnectionException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ConnectionException.Kind.ATTACH_REFUSED);
                        assertThat(e.getMessage()).contains("DisableAttachMechanism");
                    });
            assertThat(System.nanoTime() - before).isLessThan(TimeUnit.SECONDS.toNanos(10));
        }
    }

    @Test
    void aScriptThatExecutesJavaIsFoundOnceItHasBecomeTheJvm() throws Exception {
        try (TargetJvm target = TargetJvm.startThroughExec(TargetJvm.JDK25, Duration.ofSeconds(1))) {
            assertThat(LocalJvms.describe(target.pid())).as("still the shell").isEmpty();
            JvmDescriptor jvm = target.awaitDiscovered(Duration.ofSeconds(10));
            assertThat(jvm.name()).isEqualTo("vitals-demo.jar");
            assertThat(jvm.attachable()).isTrue();
        }
    }

    @Test
    void vitalsItselfIsListedButNotOffered() {
        long self = ProcessHandle.current().pid();
        JvmDescriptor me = LocalJvms.list().stream().filter(j -> j.pid() == self).findFirst().orElseThrow();
        assertThat(me.self()).isTrue();
        assertThat(me.attachable()).isFalse();
        assertThat(me.reason()).contains("Vitals itself");
        assertThat(me.jdkFeature()).isEqualTo(Runtime.version().feature());
    }

    @Test
    void jdk17IsFoundWithItsVersion() throws Exception {
        assumeTrue(TargetJvm.jdk17Installed(), "no JDK 17 at " + TargetJvm.JDK17);
        try (TargetJvm target = TargetJvm.start(TargetJvm.JDK17, List.of())) {
            JvmDescriptor jvm = target.awaitDiscovered(Duration.ofSeconds(5));
            assertThat(jvm.jdkFeature()).isEqualTo(17);
            assertThat(jvm.jdkVersion()).startsWith("17");
            assertThat(jvm.access()).isEqualTo(Access.STREAM);
        }
    }

    private static void awaitChange(List<LocalJvms.Change> changes, java.util.function.Predicate<LocalJvms.Change> wanted,
                                    long sinceNanos) throws InterruptedException {
        long deadline = sinceNanos + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (changes.stream().anyMatch(wanted)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("discovery did not report the change within 2 s; changes seen: " + changes.size());
    }
}
