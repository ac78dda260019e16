package vn.secondment.personnel.benchmark;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.secondment.events.Topics;
import vn.secondment.tabular.TableFormat;
import vn.secondment.tabular.TableWriter;
import vn.secondment.testing.BenchmarkReport;
import vn.secondment.testing.WithRealInfrastructure;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.secondment.personnel.support.Directory.OFFICIALS;
import static vn.secondment.personnel.support.Directory.PLATFORM_ADMIN;

/**
 * Prints how long a 10,000-row annex takes to import (CSV and XLSX), then fills the directory to 100,000 officials
 * and prints the latency (p50, p99) of lists and searches through the HTTP API, against the real PostgreSQL and
 * Kafka broker. A benchmark reports figures; it does not pass or fail on them.
 * <p>
 * Run: {@code ./mvnw -B -Pbenchmark -pl personnel-service -am verify} (figures also in
 * {@code personnel-service/target/benchmark/personnel.txt}).
 */
@QuarkusTest
@WithRealInfrastructure
@Tag("benchmark")
class PersonnelBenchmark {

    private static final int ROWS_PER_FILE = 10_000;
    private static final int TARGET_OFFICIALS = 100_000;
    private static final int WARM_UP = 30;
    private static final int SAMPLES = 300;
    private static final String[] MINISTRIES = {"BNV", "BCT", "BNNMT", "BDTTG", "BTC"};
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Thu", "Quốc", "Ngọc", "Hữu", "Thanh", "Đức",
            "Hoài", "Kim", "Xuân"};
    private static final String[] GIVEN = {"An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hoa", "Hùng",
            "Hương", "Khoa", "Lan", "Linh", "Long", "Mai", "Nam", "Ngọc", "Phúc", "Quang", "Sơn", "Tâm", "Thảo",
            "Trang", "Trung", "Tuấn", "Vân", "Yến", "Đạt", "Đức", "Ánh"};
    private static final String[] POSITIONS = {"Chuyên viên", "Chuyên viên chính", "Phó Vụ trưởng", "Vụ trưởng",
            "Phó Cục trưởng", "Cục trưởng", "Phó Chánh Văn phòng"};
    private static final String[] EXPERTISE = {"tổ chức bộ máy", "tiền lương", "đất đai", "công thương",
            "tài chính và dự toán", "thủ tục hành chính", "phần mềm và hạ tầng số"};

    private final Random random = new Random(20250701);
    private final BenchmarkReport report = new BenchmarkReport("personnel.txt");
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private int serial;
    private KafkaConsumer<String, String> offsets;

    @Test
    void importTimeAndListLatency() {
        line("personnel-service benchmark (real PostgreSQL %s, real Kafka broker), %d cores, max heap %d MB",
                "17", Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        Annex csv = annex(TableFormat.CSV);
        Annex xlsx = annex(TableFormat.XLSX);
        line("");
        line("Import of a %,d-row annex (validation; officials, audit entries and outbox events written in one "
                + "transaction), then the time until the relay has put every event on the broker:", ROWS_PER_FILE);
        importTimed("CSV", csv, false);
        importTimed("CSV, dry run (validate and roll back)", annex(TableFormat.CSV), true);
        importTimed("XLSX", xlsx, false);
        importTimed("CSV, the same file again (all unchanged)", csv, false);

        long total = total();
        int files = 0;
        long fillStart = System.nanoTime();
        while (total < TARGET_OFFICIALS) {
            importAnnex(annex(TableFormat.CSV), false);
            files++;
            total = total();
        }
        line("Filled the directory to %,d officials with %d more imports in %.1f s", total, files,
                (System.nanoTime() - fillStart) / 1e9);

        line("");
        line("Latency through the HTTP API with %,d officials (%d samples after %d warm-up requests, page size 20):",
                total, SAMPLES, WARM_UP);
        line("  %-58s %8s %8s %8s", "request", "p50 ms", "p99 ms", "matches");
        measure("list, default order (given name)", Map.of());
        measure("list, one ministry", Map.of("ministry", "BNV"));
        measure("list, two ministries side by side", Map.of("ministry", List.of("BNV", "BCT"), "sort", "ministryCode,fullName"));
        measure("list, page 1,000 (offset 20,000)", Map.of("page", 1000));
        measure("search \"nguyen thi hoa\" (no diacritics)", Map.of("q", "nguyen thi hoa"));
        measure("search \"Đặng\" in one ministry", Map.of("q", "Đặng", "ministry", "BCT"));
        measure("search \"ha\" (short, many matches)", Map.of("q", "ha"));
        measure("filter expertise \"dat dai\" + position", Map.of("expertise", "dat dai", "position", "Vụ trưởng"));
        measure("search + filter + sort by -updatedAt", Map.of("q", "tran van", "ministry", "BNNMT", "sort", "-updatedAt"));

        report.write();
        assertThat(total).isGreaterThanOrEqualTo(TARGET_OFFICIALS);
    }

    /**
     * Times one import, then waits until its events are on the broker, so that the relay's work for one import
     * does not slow down the next measurement.
     */
    private void importTimed(String label, Annex annex, boolean dryRun) {
        long eventsBefore = eventsOnBroker();
        long start = System.nanoTime();
        Response response = importAnnex(annex, dryRun);
        double seconds = (System.nanoTime() - start) / 1e9;
        int events = dryRun ? 0 : response.<Integer>path("created") + response.<Integer>path("updated") + 1;
        double relayed = awaitEvents(eventsBefore + events, start);
        line("  %-42s %6.2f s  (created %5s, updated %s, unchanged %5s)%s", label, seconds,
                response.path("created"), response.path("updated"), response.path("unchanged"),
                events == 0 ? "" : String.format(Locale.ROOT, "; all %,d events on Kafka after %.2f s", events, relayed));
        report.figure("import of " + ROWS_PER_FILE + " rows, " + label, seconds, "s");
    }

    /** Records on the personnel topic, read from the broker's end offsets with one consumer for the whole run. */
    private long eventsOnBroker() {
        if (offsets == null) {
            offsets = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig()
                            .getValue("kafka.bootstrap.servers", String.class),
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        }
        List<TopicPartition> partitions = offsets.partitionsFor(Topics.PERSONNEL).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        return offsets.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    @AfterEach
    void closeConsumer() {
        if (offsets != null) {
            offsets.close();
        }
    }

    /** Seconds from {@code start} until the topic holds {@code expected} records (at most 2 minutes). */
    private double awaitEvents(long expected, long start) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (eventsOnBroker() < expected) {
            assertThat(System.nanoTime()).as("events relayed within 2 minutes").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private Response importAnnex(Annex annex, boolean dryRun) {
        String name = "annex." + annex.format().extension();
        Response response = given().auth().oauth2(PLATFORM_ADMIN)
                .multiPart("file", name, annex.bytes(), annex.format().mediaType())
                .queryParam("ministry", annex.ministry()).queryParam("dryRun", dryRun)
                .when().post(OFFICIALS + "/imports");
        String body = response.asString();
        assertThat(response.statusCode()).as(body.substring(0, Math.min(body.length(), 500))).isEqualTo(200);
        return response;
    }

    /** A generated annex file and the ministry it belongs to. */
    private record Annex(byte[] bytes, TableFormat format, String ministry) {
    }

    private void measure(String label, Map<String, ?> query) {
        BenchmarkReport.Latency latency = report.time(WARM_UP, SAMPLES,
                i -> given().auth().oauth2(PLATFORM_ADMIN).queryParams(query).get(OFFICIALS));
        line("  %-58s %8.1f %8.1f %,8d", label, latency.p50(), latency.p99(),
                latency.last().<Integer>path("totalItems"));
        report.latencyFigures(label, latency);
    }

    private long total() {
        return given().auth().oauth2(PLATFORM_ADMIN).queryParam("size", 1).get(OFFICIALS).<Integer>path("totalItems");
    }

    /** A 10,000-row annex of new officials with realistic names, each with a unique work email. */
    private Annex annex(TableFormat format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String ministry = MINISTRIES[serial % MINISTRIES.length];
        List<String> headers = List.of("STT", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Ngạch",
                "Công chức/Viên chức", "Email", "Điện thoại", "Lĩnh vực chuyên môn");
        try (TableWriter table = TableWriter.open(bytes, format, "Phụ lục", headers)) {
            int file = serial++;
            for (int i = 1; i <= ROWS_PER_FILE; i++) {
                String given = pick(GIVEN);
                table.row(List.of(Integer.toString(i), pick(FAMILY) + " " + pick(MIDDLE) + " " + given,
                        random.nextBoolean() ? "Nam" : "Nữ",
                        String.format(Locale.ROOT, "%02d/%02d/%d", 1 + random.nextInt(28), 1 + random.nextInt(12),
                                1965 + random.nextInt(35)),
                        pick(POSITIONS), "chuyên viên chính", random.nextInt(5) == 0 ? "viên chức" : "công chức",
                        "bm" + run + "." + file + "." + i + "@example.vn",
                        "09" + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000)),
                        pick(EXPERTISE) + "; " + pick(EXPERTISE)));
            }
        }
        return new Annex(bytes.toByteArray(), format, ministry);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private void line(String format, Object... args) {
        report.line(format, args);
    }
}
