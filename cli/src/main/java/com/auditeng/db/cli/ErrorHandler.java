package com.auditeng.db.cli;

import com.auditeng.db.AuditengException;
import com.auditeng.db.ExitCode;
import com.auditeng.db.config.DatabaseUrl;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Prints a failure as one line, {@code error: ...}, with the stack trace only under {@code --verbose}. Whatever it
 * prints passes through {@link #redact}: picocli quotes a mistyped option with its value, URL and password included.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final BooleanSupplier verboseGiven;

    /** {@code verbose}: whether the parsed command line asked for --verbose. */
    ErrorHandler(BooleanSupplier verbose) {
        this.verboseGiven = verbose;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        List<String> args = parseResult.originalArgs();
        boolean verbose = verboseGiven.getAsBoolean();
        int code;
        if (exception instanceof AuditengException ours) {
            err.println(redact("error: " + ours.getMessage(), args));
            code = ours.exitCode().number();
        } else {
            err.println(redact("error: internal error (" + exception.getClass().getName() + ": "
                    + exception.getMessage() + ")"
                    + (verbose ? "" : "; rerun with --verbose for the trace, and report it"), args));
            code = ExitCode.INTERNAL_ERROR.number();
        }
        if (verbose) {
            StringWriter trace = new StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            err.print(redact(trace.toString(), args));
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(redact("error: " + exception.getMessage() + "; see '"
                + commandLine.getCommandSpec().qualifiedName() + " --help'", List.of(args)));
        err.flush();
        return ExitCode.USAGE.number();
    }

    /** The text with each argument, and each option's value, that may hold a secret shown in redacted form. */
    static String redact(String text, List<String> args) {
        List<String> pieces = new ArrayList<>();
        for (String arg : args) {
            pieces.add(arg);
            int equals = arg.indexOf('=');
            if (arg.startsWith("-") && equals > 0) {
                pieces.add(arg.substring(equals + 1));
            }
        }
        pieces.sort(Comparator.comparingInt(String::length).reversed());   // a whole argument before its value
        String redacted = text;
        for (String piece : pieces) {
            String masked = DatabaseUrl.redact(piece);
            if (!masked.equals(piece)) {
                redacted = redacted.replace(piece, masked);
            }
        }
        return redacted;
    }
}
