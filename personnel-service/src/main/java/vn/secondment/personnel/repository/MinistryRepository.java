package vn.secondment.personnel.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.personnel.Ministry;

@ApplicationScoped
public class MinistryRepository implements PanacheRepositoryBase<Ministry, String> {
}
