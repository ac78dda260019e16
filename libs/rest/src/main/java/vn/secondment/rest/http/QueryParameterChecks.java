package vn.secondment.rest.http;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ParamConverter;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every bad query parameter in one 400: the framework converts parameters one by one and stops at the first that
 * does not convert, so {@code ?size=abc&sort=nothing&activeOn=2025-13-45} would take three requests to fix. This
 * reads all of them first with the same {@link QueryParameterConverters}; when one fails, the others are also
 * checked against their constraints ({@code @Pattern}, {@code @Max}, …) and everything is reported together.
 * When all convert, nothing changes: the framework converts and validates them as usual.
 */
public class QueryParameterChecks {

    private final QueryParameterConverters converters = new QueryParameterConverters();
    private final Validator validator;

    public QueryParameterChecks(Validator validator) {
        this.validator = validator;
    }

    @ServerRequestFilter
    public void checkAll(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || method.getParameterCount() == 0) {
            return;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        Annotation[][] annotations = method.getParameterAnnotations();
        Type[] types = method.getGenericParameterTypes();
        Object[] arguments = new Object[types.length];
        String[] names = new String[types.length];
        List<Problem.Violation> violations = new ArrayList<>();
        Set<Integer> unreadable = new HashSet<>();
        List<Field> beanFields = new ArrayList<>();
        List<Object> beanValues = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            if (find(annotations[i], BeanParam.class) != null) {
                readBean(method.getParameterTypes()[i], query, violations, beanFields, beanValues);
                continue;
            }
            QueryParam parameter = find(annotations[i], QueryParam.class);
            if (parameter == null) {
                continue;
            }
            names[i] = parameter.value();
            try {
                arguments[i] = convert(method.getParameterTypes()[i], types[i], annotations[i],
                        values(query.get(parameter.value()), find(annotations[i], DefaultValue.class)));
            } catch (QueryParameterConverters.InvalidParameter e) {
                violations.add(new Problem.Violation(e.parameter(), e.reason()));
                unreadable.add(i);
            }
        }
        if (violations.isEmpty()) {
            return;
        }
        violations.addAll(constraintViolations(method, arguments, names, unreadable));
        for (int i = 0; i < beanFields.size(); i++) {
            Field field = beanFields.get(i);
            String name = field.getAnnotation(QueryParam.class).value();
            validator.validateValue(field.getDeclaringClass(), field.getName(), beanValues.get(i))
                    .forEach(violation -> violations.add(new Problem.Violation(name, violation.getMessage())));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message));
        throw new ProblemException(ProblemType.VALIDATION, "Invalid parameters: " + violations.stream()
                .map(Problem.Violation::field).distinct().collect(Collectors.joining(", ")), violations);
    }

    /**
     * The query parameters of a {@code @BeanParam} (paging, a list's filters): type errors are added to
     * {@code violations}, and the fields that convert to {@code fields} with their values, to check their constraints.
     */
    private void readBean(Class<?> bean, MultivaluedMap<String, String> query, List<Problem.Violation> violations,
                          List<Field> fields, List<Object> values) {
        for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                QueryParam parameter = field.getAnnotation(QueryParam.class);
                if (parameter == null || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Annotation[] annotations = field.getAnnotations();
                try {
                    Object value = convert(field.getType(), field.getGenericType(), annotations,
                            values(query.get(parameter.value()), field.getAnnotation(DefaultValue.class)));
                    fields.add(field);
                    values.add(value == null && field.getType().isPrimitive() ? zero(field.getType()) : value);
                } catch (QueryParameterConverters.InvalidParameter e) {
                    violations.add(new Problem.Violation(e.parameter(), e.reason()));
                }
            }
        }
    }

    /** The constraints of the query parameters that did convert, checked as the framework would. */
    private List<Problem.Violation> constraintViolations(Method method, Object[] arguments, String[] names,
                                                         Set<Integer> unreadable) {
        List<Problem.Violation> found = new ArrayList<>();
        try (InstanceHandle<?> resource = Arc.container().instance(method.getDeclaringClass())) {
            if (!resource.isAvailable()) {
                return found;
            }
            for (int i = 0; i < arguments.length; i++) {
                if (arguments[i] == null && method.getParameterTypes()[i].isPrimitive()) {
                    arguments[i] = zero(method.getParameterTypes()[i]);
                }
            }
            for (ConstraintViolation<Object> violation : validator.forExecutables()
                    .validateParameters(resource.get(), method, arguments)) {
                int index = parameterIndex(violation.getPropertyPath());
                if (index >= 0 && names[index] != null && !unreadable.contains(index)) {
                    found.add(new Problem.Violation(names[index], violation.getMessage()));
                }
            }
        }
        return found;
    }

    private Object convert(Class<?> raw, Type generic, Annotation[] annotations, List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        boolean many = Collection.class.isAssignableFrom(raw);
        Class<?> element = many ? elementClass(generic) : raw;
        ParamConverter<?> converter = element == null ? null : converters.getConverter(element, element, annotations);
        List<Object> converted = new ArrayList<>();
        for (String value : values) {
            converted.add(converter != null ? converter.fromString(value) : element == String.class ? value : null);
        }
        if (!many) {
            return converted.get(0);
        }
        if (SortedSet.class.isAssignableFrom(raw)) {
            return new TreeSet<>(converted);
        }
        return Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>(converted) : converted;
    }

    private static List<String> values(List<String> sent, DefaultValue fallback) {
        if (sent != null && !sent.isEmpty()) {
            return sent;
        }
        return fallback == null ? List.of() : List.of(fallback.value());
    }

    private static Class<?> elementClass(Type generic) {
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    private static int parameterIndex(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return node.as(Path.ParameterNode.class).getParameterIndex();
            }
        }
        return -1;
    }

    private static Object zero(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        }
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == double.class) {
            return 0d;
        }
        if (primitive == float.class) {
            return 0f;
        }
        if (primitive == char.class) {
            return '\0';
        }
        if (primitive == byte.class) {
            return (byte) 0;
        }
        return primitive == short.class ? (short) 0 : 0;
    }

    private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        for (Annotation annotation : annotations) {
            if (type.isInstance(annotation)) {
                return type.cast(annotation);
            }
        }
        return null;
    }
}
