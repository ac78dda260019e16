package vn.secondment.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.report.HeldAssignment;

import java.util.UUID;

@ApplicationScoped
public class HeldAssignmentRepository implements PanacheRepositoryBase<HeldAssignment, UUID> {
}
