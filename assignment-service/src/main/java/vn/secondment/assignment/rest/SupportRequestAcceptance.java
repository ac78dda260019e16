package vn.secondment.assignment.rest;

import jakarta.validation.Valid;

import java.util.UUID;

/**
 * How the ministry answers a request it accepts: by a new deployment of type PROVINCE_REQUEST (created as a draft,
 * like any deployment, to be issued by its decision), or by one it already has.
 *
 * @param deployment   the deployment to create: type PROVINCE_REQUEST, of the ministry asked, targeting the
 *                     requesting province
 * @param deploymentId instead: an existing PROVINCE_REQUEST deployment of the ministry that targets the province
 */
public record SupportRequestAcceptance(@Valid DeploymentRequest deployment, UUID deploymentId) {
}
