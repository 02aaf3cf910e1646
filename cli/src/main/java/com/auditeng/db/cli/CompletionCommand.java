package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for auditeng.",
                "bash: source <(./auditeng completion bash)    zsh: source <(./auditeng completion zsh)"})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    private Shell shell;

    @Override
    public Integer call() {
        // picocli's script serves both: under zsh it loads bashcompinit itself
        String script = AutoComplete.bash("auditeng", spec.parent().commandLine());
        spec.commandLine().getOut().print(script);
        return ExitCode.OK.number();
    }
}
