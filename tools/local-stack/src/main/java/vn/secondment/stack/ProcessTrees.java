package vn.secondment.stack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stopping a process together with the processes it spawned (kc.sh runs Keycloak's JVM as its child). */
final class ProcessTrees {

    private ProcessTrees() {
    }

    /**
     * Sends SIGTERM to the process, waits up to {@code grace}, then kills what is left of it and its descendants.
     *
     * @return true if everything ended within the grace period
     */
    static boolean stop(ProcessHandle process, Duration grace) {
        // take the descendants first: once the parent is gone they are re-parented and no longer found through it
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean graceful = awaitExit(process, grace);
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroy();
            }
        }
        for (ProcessHandle descendant : descendants) {
            graceful &= awaitExit(descendant, graceful ? grace : Duration.ofSeconds(2));
        }
        if (!graceful) {
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            awaitExit(process, Duration.ofSeconds(5));
        }
        return graceful;
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The live process with this pid, if it still runs and its command line contains {@code signature}. */
    static Optional<ProcessHandle> findRunning(long pid, String signature) {
        if (pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> commandLine(process).contains(signature));
    }

    static String commandLine(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.commandLine().orElseGet(() -> info.command().orElse(""));
    }
}
