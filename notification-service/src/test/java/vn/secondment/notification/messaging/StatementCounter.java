package vn.secondment.notification.messaging;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the SQL statements Hibernate prepares (entity operations and native queries alike), by their first words,
 * so that a test can report how many statements an event costs ({@link StatementsPerEventTest}). Leaves them as they
 * are.
 */
@PersistenceUnitExtension
public class StatementCounter implements StatementInspector {

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    @Override
    public String inspect(String sql) {
        COUNTS.computeIfAbsent(kind(sql), k -> new LongAdder()).increment();
        return sql;
    }

    /** A copy of the counts so far, by statement kind (e.g. "insert into inbox_entry"). */
    static Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        COUNTS.forEach((kind, count) -> copy.put(kind, count.sum()));
        return copy;
    }

    private static String kind(String sql) {
        String[] words = sql.strip().replaceAll("\\s+", " ").toLowerCase().split(" ");
        StringBuilder kind = new StringBuilder(words[0]);
        // the table: the word after "into", "from" or "update" (for a select, its first "from")
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals("into") || words[i].equals("from") || words[i].equals("update")) {
                kind.append(' ').append(words[i + 1]);
                break;
            }
        }
        return kind.toString();
    }
}
