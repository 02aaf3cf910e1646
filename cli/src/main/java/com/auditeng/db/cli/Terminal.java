package com.auditeng.db.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a standard stream of this process is a terminal. */
final class Terminal {
    static final int STDOUT = 1;
    static final int STDERR = 2;

    private Terminal() {
    }

    // System.console() tells about stdin and stdout together, and on JDK 22+ it starts the line editor (JLine) to
    // find out; on Linux the descriptor's link names the device at the cost of one system call
    static boolean isTerminal(int descriptor) {
        try {
            String device = Files.readSymbolicLink(Path.of("/proc/self/fd/" + descriptor)).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
