package com.example.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an application's class path must not carry because it depends on the runtime modules. */
class RuntimeClassPathTest {
    @Test
    void noCommandLine() {
        assertThatThrownBy(() -> Class.forName("picocli.CommandLine")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("com.auditeng.db.cli.Main")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void noLoggingBinding() {
        // slf4j-jdk14's binding: the application chooses its own
        assertThatThrownBy(() -> Class.forName("org.slf4j.impl.StaticLoggerBinder"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
