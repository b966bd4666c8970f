package vn.eiso.base.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

/** Upload components that speak the user's language, including their refusals. */
public final class Uploads {

    private Uploads() {
    }

    public static void localise(Upload upload) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(upload.getTranslation("upload.add"))
                .setMany(upload.getTranslation("upload.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(upload.getTranslation("upload.drop"))
                .setMany(upload.getTranslation("upload.drop")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(upload.getTranslation("upload.tooMany"))
                .setFileIsTooBig(upload.getTranslation("upload.tooBig"))
                .setIncorrectFileType(upload.getTranslation("upload.wrongType")));
        upload.setI18n(i18n);
    }
}
