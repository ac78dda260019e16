package vn.secondment.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MarkedRead", description = "How many entries this request marked read (those already read not counted)")
public record MarkedReadView(@Schema(examples = "12") int marked) {
}
