package vn.secondment.data.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One field's change in an audit entry.
 *
 * @param field the API field name
 * @param from  the value before (null when created)
 * @param to    the value after
 */
@Schema(name = "FieldChange")
public record FieldChange(String field, Object from, Object to) {
}
