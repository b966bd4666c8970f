package vn.eiso.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real office files made on the fly, and hostile ones. */
public final class Files {

    private Files() {
    }

    /** A genuine DOCX with one paragraph per line. */
    public static byte[] docx(String... paragraphs) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A genuine one-page PDF with a line of (ASCII) text. */
    public static byte[] pdf(String text) {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(
                        Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ZIP of named entries. */
    public static byte[] zip(Object... namesAndContents) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                zip.write((byte[]) namesAndContents[i + 1]);
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A DOCX-shaped zip bomb: a valid package whose document part inflates from about 100 KB to 100 MB of the
     * same character, far beyond any real compression ratio.
     */
    public static byte[] docxBomb() {
        byte[] real = docx("x");
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes);
                ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(real))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
                            + "openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>";
                    zip.write(head.getBytes(StandardCharsets.UTF_8));
                    byte[] block = new byte[1024 * 1024];
                    Arrays.fill(block, (byte) 'a');
                    for (int i = 0; i < 100; i++) {
                        zip.write(block);
                    }
                    zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same bomb with a central directory that lies: the document part claims to unpack to no more than its
     * compressed size, so only counting the bytes as they inflate can catch it.
     */
    public static byte[] lyingDocxBomb() {
        byte[] bomb = docxBomb();
        byte[] name = "word/document.xml".getBytes(StandardCharsets.US_ASCII);
        for (int i = bomb.length - 46; i >= 0; i--) {
            if (bomb[i] == 'P' && bomb[i + 1] == 'K' && bomb[i + 2] == 1 && bomb[i + 3] == 2
                    && Arrays.equals(bomb, i + 46, i + 46 + name.length, name, 0, name.length)) {
                // Uncompressed size (offset 24) := compressed size (offset 20).
                System.arraycopy(bomb, i + 20, bomb, i + 24, 4);
                return bomb;
            }
        }
        throw new IllegalStateException("no central directory entry for word/document.xml");
    }

    /** The first bytes of a Windows executable, renamed as a PDF by whoever sends it. */
    public static byte[] windowsExecutable() {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    /** A genuine legacy Excel workbook (OLE2 .xls) with one cell; {@code withMacros} adds a VBA project storage. */
    public static byte[] xls(String cell, boolean withMacros) {
        try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream plain = new ByteArrayOutputStream()) {
            book.createSheet("Sheet1").createRow(0).createCell(0).setCellValue(cell);
            book.write(plain);
            if (!withMacros) {
                return plain.toByteArray();
            }
            try (POIFSFileSystem ole2 = new POIFSFileSystem(new ByteArrayInputStream(plain.toByteArray()));
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                // Where Excel keeps a workbook's macros: the storage _VBA_PROJECT_CUR with the project inside.
                ole2.getRoot().createDirectory("_VBA_PROJECT_CUR").createDirectory("VBA")
                        .createDocument("dir", new ByteArrayInputStream(new byte[] {1, 2, 3}));
                ole2.writeFilesystem(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A DOCX with a VBA project: {@code word/vbaProject.bin} beside the document, declared macro-enabled when
     * {@code declared} (a .docm) or hidden behind the plain document's type (a .docm renamed to .docx).
     */
    public static byte[] docxWithMacros(boolean declared) {
        byte[] real = docx("Văn bản có macro");
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes);
                ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(real))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                byte[] part = in.readAllBytes();
                if (declared && entry.getName().equals("[Content_Types].xml")) {
                    part = new String(part, StandardCharsets.UTF_8).replace(
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                            "application/vnd.ms-word.document.macroEnabled.main+xml").getBytes(StandardCharsets.UTF_8);
                }
                zip.write(part);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("word/vbaProject.bin"));
            zip.write(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
