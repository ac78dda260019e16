package vn.secondment.report.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.secondment.events.report.IssueField;
import vn.secondment.rest.Formats;

import java.util.List;

/** The handbook search. */
public class HandbookFilter {

    @QueryParam("q")
    @Parameter(description = "Words to find in the question, answer or guidance document, with or without "
            + "diacritics, in any case: \"thu tuc hanh chinh\", \"thủ tục hành chính\" and \"THỦ TỤC HÀNH CHÍNH\" "
            + "find the same entries; best matches first", example = "thủ tục hành chính")
    @Size(max = 200)
    public String q;

    @QueryParam("field")
    public IssueField field;

    @QueryParam("ministry")
    @Parameter(description = "Ministry code; repeat for several")
    @Size(max = 20)
    public List<@Pattern(regexp = Formats.MINISTRY_CODE, message = Formats.MINISTRY_CODE_MESSAGE) String> ministries;
}
