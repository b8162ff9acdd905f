package cn.liaocheng.strongtown.dashboard.ui;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.html.Div;

import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;

/** The "synthetic demo data" notice that every screen shows while the data are the demo set. */
@Component
public class DemoNotice {

    private final LakePreparation preparation;

    public DemoNotice(LakePreparation preparation) {
        this.preparation = preparation;
    }

    public boolean active() {
        return preparation.demo();
    }

    /** A banner for the current UI's language, if the data are demo data. */
    public Optional<Div> banner() {
        if (!active()) {
            return Optional.empty();
        }
        Div banner = new Div();
        banner.setText(banner.getTranslation("demo.banner"));
        banner.setId("demo-banner");
        banner.addClassName("demo-banner");
        banner.getStyle().set("background", "#fff4e5").set("color", "#8a4b00").set("width", "100%")
                .set("box-sizing", "border-box")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-s)");
        return Optional.of(banner);
    }
}
