package vn.secondment.rest.http;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The media types each operation reads and writes, from its resource method's {@code @Consumes} and
 * {@code @Produces} (or its class's). A 415 or 406 is decided before any method is chosen, so the framework's own
 * message can only say that nothing matched; this names what would have.
 */
@ApplicationScoped
public class ResourceMediaTypes {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    private volatile List<Operation> operations;

    /** What the operations at this path (relative to the API root) and method read; empty if none is known. */
    public Set<String> consumedBy(String httpMethod, String path) {
        Set<String> types = new LinkedHashSet<>();
        matching(httpMethod, path).forEach(operation -> types.addAll(operation.consumes()));
        return types;
    }

    /** What the operations at this path and method answer with; empty if none is known. */
    public Set<String> producedBy(String httpMethod, String path) {
        Set<String> types = new LinkedHashSet<>();
        matching(httpMethod, path).forEach(operation -> types.addAll(operation.produces()));
        return types;
    }

    private List<Operation> matching(String httpMethod, String path) {
        String normalised = "/" + strip(path);
        return operations().stream()
                .filter(operation -> operation.method().equalsIgnoreCase(httpMethod))
                .filter(operation -> operation.path().matcher(normalised).matches())
                .toList();
    }

    private List<Operation> operations() {
        List<Operation> known = operations;
        if (known == null) {
            known = scan();
            operations = known;
        }
        return known;
    }

    /** The resources are beans (Quarkus REST makes them singletons), so the container lists them all. */
    private static List<Operation> scan() {
        List<Operation> found = new ArrayList<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (type.isAnnotationPresent(Path.class) && seen.add(type)) {
                collect(type, found);
            }
        }
        return List.copyOf(found);
    }

    private static void collect(Class<?> resource, List<Operation> found) {
        String root = resource.getAnnotation(Path.class).value();
        for (Method method : resource.getMethods()) {
            String httpMethod = httpMethod(method);
            if (httpMethod == null) {
                continue;
            }
            Path sub = method.getAnnotation(Path.class);
            String template = "/" + strip(root);
            if (sub != null && !strip(sub.value()).isEmpty()) {
                template = (template.equals("/") ? "" : template) + "/" + strip(sub.value());
            }
            found.add(new Operation(httpMethod, regex(template),
                    mediaTypes(method.getAnnotation(Consumes.class), resource.getAnnotation(Consumes.class)),
                    mediaTypes(method.getAnnotation(Produces.class), resource.getAnnotation(Produces.class))));
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static List<String> mediaTypes(Annotation onMethod, Annotation onClass) {
        Annotation chosen = onMethod != null ? onMethod : onClass;
        String[] values = chosen instanceof Consumes consumes ? consumes.value()
                : chosen instanceof Produces produces ? produces.value() : new String[0];
        return Arrays.stream(values).flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(value -> !value.isEmpty()).toList();
    }

    private static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = TEMPLATE.matcher(template);
        int last = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(last, variable.start())));
            regex.append(variable.group(1) == null ? "[^/]+" : "(?:" + variable.group(1).strip() + ")");
            last = variable.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        return Pattern.compile(regex.toString());
    }

    private static String strip(String path) {
        String stripped = path;
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }

    private record Operation(String method, Pattern path, List<String> consumes, List<String> produces) {
    }
}
