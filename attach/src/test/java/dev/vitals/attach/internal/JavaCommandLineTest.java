package dev.vitals.attach.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JavaCommandLineTest {

    @Test
    void jarWithOptionsAndArguments() {
        JavaCommandLine c = JavaCommandLine.parse(List.of("/usr/bin/java", "-Xmx1g", "-cp", "a.jar:b.jar",
                "-XX:+DisableAttachMechanism", "-jar", "/opt/app/server.jar", "--port", "8080"));
        assertThat(c.main()).isEqualTo("server.jar");
        assertThat(c.jvmOptions()).containsExactly("-Xmx1g", "-cp", "a.jar:b.jar", "-XX:+DisableAttachMechanism");
        assertThat(c.arguments()).containsExactly("--port", "8080");
        assertThat(c.attachDisabled()).isTrue();
    }

    @Test
    void mainClassAndModule() {
        assertThat(JavaCommandLine.parse(List.of("java", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "com.example.Main", "x")).main()).isEqualTo("com.example.Main");
        JavaCommandLine m = JavaCommandLine.parse(List.of("java", "-p", "mods", "-m", "app/com.example.App", "y"));
        assertThat(m.main()).isEqualTo("com.example.App");
        assertThat(m.arguments()).containsExactly("y");
    }

    @Test
    void laterFlagWins() {
        assertThat(JavaCommandLine.parse(List.of("java", "-XX:+DisableAttachMechanism", "-XX:-DisableAttachMechanism", "Main"))
                .attachDisabled()).isFalse();
    }

    @Test
    void featureReleases() {
        assertThat(JavaRuntime.feature("25.0.3")).isEqualTo(25);
        assertThat(JavaRuntime.feature("1.8.0_402")).isEqualTo(8);
        assertThat(JavaRuntime.feature("26-ea")).isEqualTo(26);
        assertThat(JavaRuntime.feature("")).isZero();
    }
}
