package vn.secondment.data;

import io.quarkus.panache.common.Parameters;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JPQL query assembled from a list's optional filters: each condition is added only when its value is given,
 * with its named parameter, so that a list method reads as its filters and nothing else.
 * <pre>{@code
 * Where where = Where.from("Deployment d")
 *         .and("d.ministryCode in :ministries", "ministries", filter.ministries)
 *         .and("d.status = :status", "status", filter.status);
 * deployments.find(where.jpql(), sort, where.parameters());
 * }</pre>
 */
public final class Where {

    private final StringBuilder jpql;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private Where(String entityAndAlias) {
        this.jpql = new StringBuilder("from ").append(entityAndAlias).append(" where 1 = 1");
    }

    /** Starts a query on an entity with its alias, e.g. {@code "Assignment a"} or {@code "WorkPlan p join p.assignment a"}. */
    public static Where from(String entityAndAlias) {
        return new Where(entityAndAlias);
    }

    /** Adds {@code condition} when {@code value} is given (not null and, for a collection, not empty). */
    public Where and(String condition, String parameter, Object value) {
        if (value == null || (value instanceof Collection<?> values && values.isEmpty())) {
            return this;
        }
        jpql.append(" and ").append(condition);
        parameters.put(parameter, value);
        return this;
    }

    /** Adds a condition that always applies; its parameters, if any, are set with {@link #parameter}. */
    public Where and(String condition) {
        jpql.append(" and ").append(condition);
        return this;
    }

    public Where parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public String jpql() {
        return jpql.toString();
    }

    /** The parameters for Panache's {@code find(query, sort, parameters)}. */
    public Parameters parameters() {
        Parameters panache = new Parameters();
        parameters.forEach(panache::and);
        return panache;
    }

    /** The parameters by name, for a plain {@code EntityManager} query. */
    public Map<String, Object> parameterMap() {
        return Map.copyOf(parameters);
    }
}
