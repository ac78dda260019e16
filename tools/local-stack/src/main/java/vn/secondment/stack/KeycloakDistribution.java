package vn.secondment.stack;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Keycloak server: the {@code keycloak-quarkus-dist} archive that Maven downloaded, unpacked once into a cache.
 */
final class KeycloakDistribution {

    static final String REALM_RESOURCE = "/keycloak/secondment-realm.json";
    static final String REALM_FILE_NAME = "secondment-realm.json";

    private static final String BUILD_INFO = "/vn/secondment/stack/local-stack.properties";
    // file locks are per JVM, so stacks inside one JVM (tests) also need an in-memory lock
    private static final ReentrantLock IN_PROCESS_LOCK = new ReentrantLock();

    private KeycloakDistribution() {
    }

    static String version() {
        return buildInfo().getProperty("keycloak.version");
    }

    /** The archive in the local Maven repository; fails with what to run if Maven has not downloaded it yet. */
    static Path archive() {
        List<Path> searched = new ArrayList<>();
        for (Path repository : localRepositories()) {
            Path candidate = repository.resolve("org/keycloak/keycloak-quarkus-dist").resolve(version())
                    .resolve("keycloak-quarkus-dist-" + version() + ".tar.gz");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            searched.add(candidate);
        }
        throw new IllegalStateException("The Keycloak server archive is not in the local Maven repository (looked at "
                + searched + "). Build the launcher once, which downloads it: "
                + "./mvnw -B -f tools/local-stack/pom.xml package");
    }

    private static List<Path> localRepositories() {
        List<Path> repositories = new ArrayList<>();
        String fromBuild = buildInfo().getProperty("maven.local.repository", "");
        if (!fromBuild.isBlank() && !fromBuild.startsWith("${")) {
            repositories.add(Path.of(fromBuild));
        }
        String fromProperty = System.getProperty("maven.repo.local");
        if (fromProperty != null && !fromProperty.isBlank()) {
            repositories.add(Path.of(fromProperty));
        }
        repositories.add(Path.of(System.getProperty("user.home"), ".m2", "repository"));
        return repositories;
    }

    /**
     * Serialises unpacking and starting Keycloak between stacks that share one install: the first start of an install
     * re-augments it (writes into {@code lib/}), and every start rewrites {@code data/import/}.
     */
    static AutoCloseable lockInstall(Path keycloakHome) {
        IN_PROCESS_LOCK.lock();
        try {
            Files.createDirectories(keycloakHome.getParent());
            Path lockFile = keycloakHome.resolveSibling(keycloakHome.getFileName() + ".lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            return () -> {
                try {
                    lock.release();
                    channel.close();
                } finally {
                    IN_PROCESS_LOCK.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            IN_PROCESS_LOCK.unlock();
            throw new IllegalStateException("Could not lock the Keycloak install " + keycloakHome, e);
        }
    }

    /** Unpacks the archive into {@code keycloakHome} unless it is there already. Call while holding {@link #lockInstall}. */
    static void ensureUnpacked(Path keycloakHome) {
        if (Files.isRegularFile(keycloakHome.resolve("bin/kc.sh"))) {
            return;
        }
        Path archive = archive();
        // unpack beside the target and rename, so an interrupted unpack never looks like an install
        Path partial = keycloakHome.resolveSibling(keycloakHome.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            unpackWithoutTopFolder(archive, partial);
            Files.move(partial, keycloakHome, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("Could not move the unpacked Keycloak to " + keycloakHome
                    + "; delete that folder and try again", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + archive + " into " + keycloakHome, e);
        } finally {
            FileTree.deleteQuietly(partial);
        }
    }

    /** Puts the realm file where {@code kc.sh start-dev --import-realm} reads it. */
    static void installRealm(Path keycloakHome) {
        Path importDirectory = keycloakHome.resolve("data/import");
        try (InputStream realm = KeycloakDistribution.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException("The realm file " + REALM_RESOURCE + " is missing from the launcher");
            }
            Files.createDirectories(importDirectory);
            Path temporary = importDirectory.resolve("." + REALM_FILE_NAME + ".tmp");
            Files.copy(realm, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, importDirectory.resolve(REALM_FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the realm file into " + importDirectory, e);
        }
    }

    private static void unpackWithoutTopFolder(Path archive, Path target) throws IOException {
        Files.createDirectories(target);
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue; // the top folder itself (keycloak-<version>/)
                }
                Path destination = target.resolve(name.substring(slash + 1)).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("Archive entry escapes the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else if (entry.isFile()) {
                    Files.createDirectories(destination.getParent());
                    Files.copy(tar, destination, StandardCopyOption.REPLACE_EXISTING);
                    setPermissions(destination, entry.getMode());
                }
            }
        }
    }

    private static void setPermissions(Path file, int mode) throws IOException {
        // kc.sh and friends must stay executable
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] byBit = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < byBit.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(byBit[bit]);
            }
        }
        permissions.add(PosixFilePermission.OWNER_READ);
        permissions.add(PosixFilePermission.OWNER_WRITE);
        try {
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setExecutable((mode & 0100) != 0);
        }
    }

    private static Properties buildInfo() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream(BUILD_INFO)) {
            if (in == null) {
                throw new IllegalStateException(BUILD_INFO + " is missing; build the module with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
