package vn.eiso.nonconformity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.eiso.base.DomainException;
import vn.eiso.base.FileLimits;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.Dialogs;
import vn.eiso.base.ui.FieldErrors;
import vn.eiso.base.ui.Uploads;
import vn.eiso.nonconformity.NcReport;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;

/** The quick report anyone in the unit fills in: what happened, where it came from, photos or scans if any. */
class ReportDialog extends Dialog {


    final Select<Nonconformity.Source> source = new Select<>();
    final TextArea description = new TextArea();
    final Map<String, byte[]> files = new LinkedHashMap<>();
    final Button send;

    ReportDialog(Nonconformities nonconformities, FileLimits limits, UnitId unit, boolean inspector,
            Runnable reported) {
        setHeaderTitle(getTranslation("nc.report"));
        setWidth("min(36rem, 100vw)");
        source.setId("nc-source");
        source.setLabel(getTranslation("nc.source"));
        source.setItems(List.of(Nonconformity.Source.values()).stream()
                .filter(s -> s != Nonconformity.Source.INTERNAL_AUDIT)
                .filter(s -> inspector || s != Nonconformity.Source.INSPECTION).toList());
        source.setItemLabelGenerator(s -> getTranslation("ncSource." + s));
        source.setValue(Nonconformity.Source.STAFF);
        description.setId("nc-description");
        description.setLabel(getTranslation("nc.description"));
        description.setHelperText(getTranslation("nc.report.help"));
        description.setMaxLength(4000);
        Upload upload = Uploads.limited(limits.maxBytes(), files::put);
        FormLayout form = new FormLayout(source, description, upload);
        form.setColspan(description, 2);
        form.setColspan(upload, 2);
        add(form);
        send = Dialogs.footer(this, getTranslation("nc.report.send"), () -> {
            try {
                nonconformities.report(new NcReport(unit, source.getValue(), description.getValue(), null, null),
                        files);
            } catch (DomainException e) {
                files.clear();
                upload.clearFileList();
                throw e;
            }
        }, getTranslation("nc.reported"), reported, new FieldErrors()
                .on("error.nc.descriptionRequired", description).on("error.tooLong", description)
                .on("error.nc.source", source));
        send.setId("nc-send");
    }
}
