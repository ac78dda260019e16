package vn.secondment.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.report.LocalityIssue;

import java.util.UUID;

@ApplicationScoped
public class LocalityIssueRepository implements PanacheRepositoryBase<LocalityIssue, UUID> {
}
