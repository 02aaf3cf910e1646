package com.auditeng.db.cli;

import com.auditeng.db.AuditengException;
import com.auditeng.db.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/** Prints a failure as one line, {@code error: ...}, with the stack trace only under {@code --verbose}. */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = parseResult.originalArgs().contains("--verbose");
        int code;
        if (exception instanceof AuditengException ours) {
            err.println("error: " + ours.getMessage());
            code = ours.exitCode().number();
        } else {
            err.println("error: internal error (" + exception.getClass().getName() + ": " + exception.getMessage()
                    + ")" + (verbose ? "" : "; rerun with --verbose for the trace, and report it"));
            code = ExitCode.INTERNAL_ERROR.number();
        }
        if (verbose) {
            exception.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + exception.getMessage() + "; see '" + commandLine.getCommandSpec().qualifiedName()
                + " --help'");
        err.flush();
        return ExitCode.USAGE.number();
    }
}
