package com.auditeng.db;

/** What one command line run printed and returned. */
public record CliResult(int exitCode, String stdout, String stderr) {
}
