# Shared by the bench scripts that time ./auditeng: builds a checkout's launcher when its sources changed and waits
# for the start-up caches it then trains beside its first command, so that no timed run goes without them.
launcher_ready() {
    local target="$1/cli/target" i
    "$1/auditeng" --version >/dev/null
    for ((i = 0; i < 1200; i++)); do
        # the training moves db revision's cache into place last
        if [ "$target/auditeng-authoring.aot" -nt "$target/auditeng.jar" ] \
            || [ "$target/auditeng-authoring.jsa" -nt "$target/auditeng.jar" ] \
            || [ "$target/cache-training.failed" -nt "$target/auditeng.jar" ]; then
            return 0
        fi
        sleep 0.1
    done
    echo "bench: the start-up cache of $1 was not ready after 2 minutes" >&2
    return 1
}
