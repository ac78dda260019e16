package vn.secondment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of a list, with the total so clients can page. In OpenAPI each list names its own typed page schema,
 * {@code <Item>Page}, written by the OpenAPI filter ({@code openapi.PageSchemas}).
 */
@Schema(name = "Page")
public record PageView<T>(List<T> items, int page, int size, long totalItems) {
}
