package vn.secondment.rest.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One schema per page of a list: a response that names {@code <Item>Page} (e.g. {@code @Schema(ref =
 * "OfficialPage")}) gets that schema, a {@link vn.secondment.rest.PageView} whose items are {@code <Item>} (or
 * {@code <Item>View}). Java annotations cannot name {@code PageView<OfficialView>}, and one shared {@code Page} of
 * untyped items would make generated clients return untyped lists, so the page schemas are written here, the same
 * shape for every list.
 */
final class PageSchemas {

    private static final String SUFFIX = "Page";
    private static final String PREFIX = "#/components/schemas/";

    private PageSchemas() {
    }

    static void complete(OpenAPI openAPI) {
        Set<String> pages = new LinkedHashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
                return;
            }
            for (APIResponse response : op.getResponses().getAPIResponses().values()) {
                if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
                    continue;
                }
                for (MediaType media : response.getContent().getMediaTypes().values()) {
                    String name = name(media.getSchema());
                    if (name != null && name.endsWith(SUFFIX) && name.length() > SUFFIX.length()) {
                        pages.add(name);
                    }
                }
            }
        }));
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (String page : pages) {
            if (schemas != null && schemas.containsKey(page)) {
                continue;
            }
            String item = page.substring(0, page.length() - SUFFIX.length());
            if (schemas != null && !schemas.containsKey(item)) {
                item = item + "View";
            }
            if (schemas == null || !schemas.containsKey(item)) {
                // no throwing here: SmallRye would drop the whole filter's work; the dangling reference is what
                // Spectral (tools/openapi-lint) and OpenApiDocumentChecks report. Its class needs a @Schema.
                continue;
            }
            openAPI.getComponents().addSchema(page, page(item));
        }
        // PageView itself, registered by the scanner for its @Schema(name = "Page"), is unused once pages are typed
        if (schemas != null && schemas.containsKey(SUFFIX) && !pages.contains(SUFFIX)) {
            openAPI.getComponents().removeSchema(SUFFIX);
        }
    }

    private static Schema page(String item) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One page of " + item + " items, with the total so clients can page")
                .addProperty("items", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(item)))
                .addProperty("page", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.ZERO).description("The page's number, from 0"))
                .addProperty("size", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.ONE).description("The page size asked for"))
                .addProperty("totalItems", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int64").minimum(BigDecimal.ZERO)
                        .description("How many items all the pages hold"))
                .required(List.of("items", "page", "size", "totalItems"));
    }

    private static String name(Schema schema) {
        if (schema == null || schema.getRef() == null || !schema.getRef().startsWith(PREFIX)) {
            return null;
        }
        return schema.getRef().substring(PREFIX.length());
    }
}
