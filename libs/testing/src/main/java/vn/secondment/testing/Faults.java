package vn.secondment.testing;

/**
 * The fault proxies between the application under test and its PostgreSQL and Kafka, in a test run with the
 * {@link FaultInjection} profile. Each test should {@link #heal()} them when it ends, so the next one starts healthy.
 *
 * @param database between the application's datasource and PostgreSQL
 * @param kafka    between the application's Kafka clients (producer, consumers, admin) and the broker; the test's own
 *                 {@link TestKafka} reaches the broker directly, so it can write and read while the application cannot
 */
public record Faults(FaultProxy database, FaultProxy kafka) {

    /** Lets everything through again. */
    public void heal() {
        database.pass();
        kafka.pass();
    }
}
