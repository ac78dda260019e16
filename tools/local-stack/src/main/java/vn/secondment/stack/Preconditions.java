package vn.secondment.stack;

import vn.secondment.embedded.FreePorts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks made before anything starts, so that a stack either starts completely or fails without side effects. */
final class Preconditions {

    private Preconditions() {
    }

    /** Fails, naming every taken port and the component that needs it. */
    static void requireFreePorts(Map<String, Integer> portsByComponent) {
        List<String> taken = new ArrayList<>();
        List<String> holders = new ArrayList<>();
        String firstComponent = null;
        for (Map.Entry<String, Integer> entry : portsByComponent.entrySet()) {
            if (FreePorts.isTaken(entry.getValue())) {
                taken.add(entry.getValue() + " (" + entry.getKey() + ")");
                holders.add(" Port " + entry.getValue() + " is held by " + PortHolders.describe(entry.getValue())
                        + ".");
                firstComponent = firstComponent == null ? entry.getKey() : firstComponent;
            }
        }
        if (!taken.isEmpty()) {
            throw new StackStartException(firstComponent, (taken.size() == 1 ? "Port " : "Ports ")
                    + String.join(", ", taken) + (taken.size() == 1 ? " is" : " are") + " already in use."
                    + String.join("", holders)
                    + " Another local stack may be running: check with ./platform status and stop it with"
                    + " ./platform down, or stop whatever holds the port (e.g. an application started by hand).");
        }
    }

    /** The ports this start needs, keyed by the component that needs each one. */
    static Map<String, Integer> portsNeeded(Ports ports, boolean infrastructureOnly) {
        Map<String, Integer> needed = new LinkedHashMap<>(ports.infrastructure());
        if (!infrastructureOnly) {
            needed.putAll(ports.applications());
            ports.management().forEach((application, port) -> needed.put(application + " management", port));
        }
        return needed;
    }

    /** Fails, naming every application whose runnable jar has not been built. */
    static void requireBuiltApplications(Path projectRoot) {
        List<String> missing = new ArrayList<>();
        for (PlatformApplication application : PlatformApplication.ALL) {
            Path jar = application.runnableJar(projectRoot);
            if (!Files.isRegularFile(jar)) {
                missing.add(application.name() + " (" + jar + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new StackStartException(missing.get(0).substring(0, missing.get(0).indexOf(' ')),
                    "Not built yet: " + String.join(", ", missing) + ". Build with ./platform up --build"
                            + " (or ./mvnw -B package -DskipTests), or start only the infrastructure with"
                            + " ./platform up --infra.");
        }
    }

    /** Fails when a launcher recorded in this state directory still runs. */
    static void requireNoRunningStack(StackSettings settings) {
        Optional<StackState> state = StackState.read(settings.stateFile());
        if (state.isPresent() && state.get().runningLauncher().isPresent()) {
            throw new StackStartException("stack", "A local stack is already running from "
                    + settings.stateDirectory() + " (pid " + state.get().launcherPid() + ", started "
                    + state.get().startedAt() + "). See ./platform status; stop it with ./platform down.");
        }
    }
}
