package vn.secondment.assignment.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.assignment.rest.CommuneDetailView;
import vn.secondment.assignment.rest.CommuneVersionView;
import vn.secondment.assignment.rest.CommuneView;
import vn.secondment.assignment.rest.ProvinceDetailView;
import vn.secondment.assignment.rest.ProvinceVersionView;
import vn.secondment.assignment.rest.ProvinceView;
import vn.secondment.reference.Commune;
import vn.secondment.reference.CommuneType;
import vn.secondment.reference.Province;

import java.util.List;

/** The one place where the reference provinces and communes (as of a day, and their versions) become API views. */
@ApplicationScoped
public class ReferenceMapper {

    /** {@code province} with the number of its {@code communes} of each type. */
    public ProvinceView toView(Province province, List<Commune> communes) {
        return new ProvinceView(province.code(), province.name(), province.fullName(), province.type(),
                province.nameEn(), province.validFrom(), province.validTo(), count(communes, CommuneType.XA),
                count(communes, CommuneType.PHUONG), count(communes, CommuneType.DAC_KHU), communes.size());
    }

    public ProvinceDetailView toDetail(Province province, List<Commune> communes, List<Province> history) {
        ProvinceView view = toView(province, communes);
        return new ProvinceDetailView(view.code(), view.name(), view.fullName(), view.type(), view.nameEn(),
                view.validFrom(), view.validTo(), view.xa(), view.phuong(), view.dacKhu(), view.total(),
                history.stream().map(this::toVersion).toList());
    }

    public ProvinceVersionView toVersion(Province p) {
        return new ProvinceVersionView(p.name(), p.fullName(), p.type(), p.nameEn(), p.validFrom(), p.validTo());
    }

    /** {@code commune} with the names of {@code province}, its province on the same day. */
    public CommuneView toView(Commune c, Province province) {
        return new CommuneView(c.code(), c.name(), c.fullName(), c.type(), c.provinceCode(), province.name(),
                province.fullName(), c.nameEn(), c.validFrom(), c.validTo());
    }

    public CommuneDetailView toDetail(Commune c, Province province, List<Commune> history) {
        return new CommuneDetailView(c.code(), c.name(), c.fullName(), c.type(), c.provinceCode(), province.name(),
                province.fullName(), c.nameEn(), c.validFrom(), c.validTo(),
                history.stream().map(this::toVersion).toList());
    }

    public CommuneVersionView toVersion(Commune c) {
        return new CommuneVersionView(c.name(), c.fullName(), c.type(), c.provinceCode(), c.nameEn(), c.validFrom(),
                c.validTo());
    }

    private static int count(List<Commune> communes, CommuneType type) {
        return (int) communes.stream().filter(c -> c.type() == type).count();
    }
}
