package vn.secondment.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One of the platform's Quarkus applications as the stack starts it:
 * {@code java @<root>/<name>/target/jvm.options -jar <root>/<name>/target/quarkus-app/quarkus-run.jar}.
 *
 * @param name     the Maven module folder under the project root, also the component name in logs and status
 * @param database the database it owns; the login role and (development) password have the same name. Empty for
 *                 the gateway, which has no database.
 */
public record PlatformApplication(String name, Optional<String> database) {

    /** All applications, in start order; the gateway comes last because it routes to the others. */
    public static final List<PlatformApplication> ALL = List.of(
            new PlatformApplication("personnel-service", Optional.of("personnel")),
            new PlatformApplication("assignment-service", Optional.of("assignment")),
            new PlatformApplication("report-service", Optional.of("report")),
            new PlatformApplication("notification-service", Optional.of("notification")),
            new PlatformApplication("gateway", Optional.empty()));

    public static PlatformApplication named(String name) {
        return ALL.stream().filter(application -> application.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown application '" + name + "'; known: " + names()));
    }

    public static List<String> names() {
        return ALL.stream().map(PlatformApplication::name).toList();
    }

    public Path runnableJar(Path projectRoot) {
        return projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * The platform's JVM settings as the build copied them next to the jar (the project's {@code jvm.options}, the
     * same the container images use).
     */
    public Path jvmOptions(Path projectRoot) {
        return projectRoot.resolve(name).resolve("target/jvm.options");
    }

    /** {@code java [@jvm.options] -jar quarkus-run.jar}: without the options file (a build older than it), the JVM's defaults. */
    public List<String> command(String javaExecutable, Path projectRoot) {
        List<String> command = new ArrayList<>(List.of(javaExecutable));
        Path options = jvmOptions(projectRoot);
        if (Files.isRegularFile(options)) {
            command.add("@" + options);
        }
        command.addAll(List.of("-jar", runnableJar(projectRoot).toString()));
        return List.copyOf(command);
    }

    /** Services own data; the gateway only routes. */
    public boolean isService() {
        return database.isPresent();
    }

    /** Sends e-mail over SMTP (Quarkus Mailer), so it is given the stack's mail server: notification-service. */
    public boolean sendsMail() {
        return name.equals("notification-service");
    }

    /** The gateway's environment variable holding this service's base URL, e.g. {@code GATEWAY_ROUTES_PERSONNEL_URL}. */
    public String gatewayRouteVariable() {
        String route = name.replaceFirst("-service$", "").replace('-', '_').toUpperCase(Locale.ROOT);
        return "GATEWAY_ROUTES_" + route + "_URL";
    }
}
