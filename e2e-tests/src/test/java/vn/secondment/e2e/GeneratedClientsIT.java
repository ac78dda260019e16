package vn.secondment.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.secondment.client.assignment.api.DeploymentsApi;
import vn.secondment.client.assignment.model.Decision;
import vn.secondment.client.assignment.model.DeploymentPage;
import vn.secondment.client.assignment.model.DeploymentRequest;
import vn.secondment.client.assignment.model.DeploymentStatus;
import vn.secondment.client.assignment.model.DeploymentType;
import vn.secondment.client.assignment.model.DeploymentView;
import vn.secondment.client.notification.api.InboxApi;
import vn.secondment.client.notification.api.WebhooksApi;
import vn.secondment.client.notification.model.InboxEntryPage;
import vn.secondment.client.notification.model.Webhook;
import vn.secondment.client.notification.model.WebhookPage;
import vn.secondment.client.notification.model.WebhookRequest;
import vn.secondment.client.personnel.api.OfficialsApi;
import vn.secondment.client.personnel.model.Official;
import vn.secondment.client.personnel.model.OfficialPage;
import vn.secondment.client.personnel.model.OfficialRequest;
import vn.secondment.client.personnel.model.OfficialStatusChangeRequest;
import vn.secondment.client.report.api.HandbookApi;
import vn.secondment.client.report.api.IssuesApi;
import vn.secondment.client.report.model.HandbookEntryPage;
import vn.secondment.client.report.model.HandbookEntryView;
import vn.secondment.client.report.model.HandbookRequest;
import vn.secondment.client.report.model.IssuePage;
import vn.secondment.client.report.model.IssueStatus;
import vn.secondment.client.report.model.IssueView;
import vn.secondment.client.report.model.ReasonRequest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another ministry's developer generates a Java client from each service's OpenAPI document (openapi-generator, at
 * this module's build) and uses it against the running platform through the gateway: list, get, create and one step
 * of a workflow per service, each answer a typed object (a 200 that came back as {@code void} or {@code null} would
 * mean the document lost a schema).
 */
@Order(3)
@ExtendWith(Platform.Shared.class)
class GeneratedClientsIT {

    private static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.current();
    }

    @Test
    void personnelServicesClientRegistersReadsListsAndDeactivatesAnOfficial() throws Exception {
        OfficialsApi officials = new OfficialsApi(personnelClient("bnv.admin"));
        String email = "client." + UUID.randomUUID().toString().substring(0, 8) + "@bnv.gov.vn";

        Official registered = officials.registerOfficial(new OfficialRequest().fullName("Trần Văn Khánh")
                .ministryCode("BNV").position("Chuyên viên chính").email(email), UUID.randomUUID().toString());
        Official read = officials.getOfficial(registered.getId());
        OfficialPage page = officials.listOfficials(null, null, null, List.of("BNV"), 0, null, "Trần Văn Khánh",
                null, 100, null, null);
        Official deactivated = officials.deactivateOfficial(registered.getId(),
                new OfficialStatusChangeRequest().reason("Nghỉ hưu"), etag(read.getVersion()));

        assertThat(read.getEmail()).isEqualTo(email);
        assertThat(read.getFullName()).isEqualTo("Trần Văn Khánh");
        assertThat(page.getItems()).extracting(Official::getId).contains(registered.getId());
        assertThat(page.getTotalItems()).isPositive();
        assertThat(deactivated.getActive()).isFalse();
        assertThat(deactivated.getVersion()).isGreaterThan(read.getVersion());
    }

    @Test
    void assignmentServicesClientCreatesReadsListsAndIssuesADeployment() throws Exception {
        DeploymentsApi deployments = new DeploymentsApi(assignmentClient("bnv.admin"));
        String decision = (1000 + new java.util.Random().nextInt(90000)) + "/QĐ-BNV";

        DeploymentView draft = deployments.createDeployment(new DeploymentRequest().ministryCode("BNV")
                .type(DeploymentType.RESIDENT_SECONDMENT).name("Tăng cường cán bộ về xã, phường " + decision)
                .decision(new Decision().number(decision).date(LocalDate.of(2025, 8, 11)))
                .startDate(LocalDate.of(2025, 9, 3)).endDate(LocalDate.of(2025, 11, 3))
                .provinceCodes(List.of("79", "75")).officialsPerProvince(1), UUID.randomUUID().toString());
        DeploymentView read = deployments.getDeployment(draft.getId(), null);
        DeploymentPage page = deployments.listDeployments(null, null, decision, List.of("BNV"), 0, null, 20,
                null, null, null);
        DeploymentView issued = deployments.issueDeployment(draft.getId(), etag(read.getVersion()));

        assertThat(read.getDecision().getNumber()).isEqualTo(decision);
        assertThat(read.getStatus()).isEqualTo(DeploymentStatus.DRAFT);
        assertThat(page.getItems()).extracting(DeploymentView::getId).containsExactly(draft.getId());
        assertThat(issued.getStatus()).isEqualTo(DeploymentStatus.ISSUED);
    }

    @Test
    void reportServicesClientListsAndReadsIssuesAndPublishesAndWithdrawsAHandbookEntry() throws Exception {
        // PlatformIT, which runs first on the same stack, had an escalated issue answered by the ministry's unit
        IssuesApi issues = new IssuesApi(reportClient("bnv.coordinator"));
        HandbookApi handbook = new HandbookApi(reportClient("bnv.coordinator"));

        IssuePage answered = issues.listIssues(null, null, null, null, null, null, List.of("BNV"), null, 0, null,
                null, 20, null, IssueStatus.ANSWERED, null, null, null, null);
        assertThat(answered.getItems()).isNotEmpty();
        IssueView issue = issues.getIssue(answered.getItems().get(0).getId());
        HandbookEntryView entry = handbook.publishHandbookEntry(new HandbookRequest().issueId(issue.getId()),
                UUID.randomUUID().toString());
        HandbookEntryView read = handbook.getHandbookEntry(entry.getId());
        HandbookEntryPage found = handbook.searchHandbook(null, List.of("BNV"), 0, null, 100);
        HandbookEntryView withdrawn = handbook.withdrawHandbookEntry(entry.getId(),
                new ReasonRequest().reason("Đã có văn bản hướng dẫn mới"), etag(read.getVersion()));

        assertThat(issue.getStatus()).isEqualTo(IssueStatus.ANSWERED);
        assertThat(read.getIssueId()).isEqualTo(issue.getId());
        assertThat(read.getAnswer()).isNotBlank();
        assertThat(found.getItems()).extracting(HandbookEntryView::getId).contains(entry.getId());
        assertThat(withdrawn.getWithdrawnAt()).isNotNull();
    }

    @Test
    void notificationServicesClientCreatesAWebhookWithItsSecretAndReadsTheInbox() throws Exception {
        WebhooksApi webhooks = new WebhooksApi(notificationClient("bnv.admin"));
        InboxApi inbox = new InboxApi(notificationClient("bnv.admin"));

        // the local stack's operators allow receivers on this machine (notification.webhooks.allowed-targets)
        Webhook created = webhooks.createWebhook(new WebhookRequest()
                .url(URI.create("http://127.0.0.1:9/generated-client/" + UUID.randomUUID()))
                .eventTypes(List.of("vn.secondment.personnel.")), UUID.randomUUID().toString());
        Webhook read = webhooks.getWebhook(created.getId());
        WebhookPage page = webhooks.listWebhooks(0, 100);
        InboxEntryPage entries = inbox.listInbox(null, 0, 20, null, null, null, null);
        long unread = inbox.countUnreadInbox().getUnread();
        int marked = inbox.markInboxRead(null).getMarked();

        // the one-time secret, which receivers need to check signatures, is readable at creation only
        assertThat(created.getSecret()).isNotBlank();
        assertThat(read.getSecret()).isNull();
        assertThat(read.getActive()).isTrue();
        assertThat(page.getItems()).extracting(Webhook::getId).contains(created.getId());
        // PlatformIT's registrations reached BNV's admins' inbox
        assertThat(entries.getItems()).isNotEmpty();
        assertThat(marked).isEqualTo((int) unread);
        assertThat(inbox.countUnreadInbox().getUnread()).isZero();
    }

    private static vn.secondment.client.personnel.ApiClient personnelClient(String user) {
        var client = new vn.secondment.client.personnel.ApiClient();
        client.updateBaseUri(platform.gatewayUrl());
        return client.setRequestInterceptor(bearer(user));
    }

    private static vn.secondment.client.assignment.ApiClient assignmentClient(String user) {
        var client = new vn.secondment.client.assignment.ApiClient();
        client.updateBaseUri(platform.gatewayUrl());
        return client.setRequestInterceptor(bearer(user));
    }

    private static vn.secondment.client.report.ApiClient reportClient(String user) {
        var client = new vn.secondment.client.report.ApiClient();
        client.updateBaseUri(platform.gatewayUrl());
        return client.setRequestInterceptor(bearer(user));
    }

    private static vn.secondment.client.notification.ApiClient notificationClient(String user) {
        var client = new vn.secondment.client.notification.ApiClient();
        client.updateBaseUri(platform.gatewayUrl());
        return client.setRequestInterceptor(bearer(user));
    }

    private static Consumer<HttpRequest.Builder> bearer(String user) {
        String token = platform.tokens().forUser(user);
        return request -> request.header("Authorization", "Bearer " + token);
    }

    private static String etag(Long version) {
        return "\"" + version + "\"";
    }
}
