package vn.secondment.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The page query parameters of every list endpoint ({@code @BeanParam @Valid Paging paging}):
 * zero-based {@code page} and a {@code size} of at most {@value #MAX_SIZE}.
 */
public class Paging {

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Parameter(description = "Zero-based page number", example = "0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_SIZE)
    @Parameter(description = "Items per page, at most " + MAX_SIZE, example = "20")
    public int size;
}
