package vn.secondment.openapilint;

import java.nio.file.Path;

/** Where the services' documents are: under the project's root (the Maven reactor's). */
final class Documents {

    static final String[] SERVICES = {"personnel-service", "assignment-service", "report-service",
        "notification-service"};

    private Documents() {
    }

    static Path root() {
        return Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
    }
}
