package org.jujia.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The downloadable .xlsx template of a spreadsheet import (elders, devices…): a data sheet whose header row names the
 * columns (required ones marked {@code *}), text-formatted columns so that ID numbers and serials keep their digits,
 * example rows, and a 填写说明 sheet with the rules and every column's note.
 */
public final class ImportTemplate {

    /** One column: its Chinese header, whether it is required, the note shown on the instructions sheet, its width in characters. */
    public record Column(String header, boolean required, String note, int width) {
    }

    private ImportTemplate() {
    }

    public static byte[] build(String sheetName, List<Column> columns, List<String[]> examples, List<String> rules) {
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(columns.get(i).header() + (columns.get(i).required() ? "*" : ""));
                c.setCellStyle(head);
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, columns.get(i).width() * 256);
            }
            for (int r = 0; r < examples.size(); r++) {
                Row ex = sheet.createRow(r + 1);
                String[] example = examples.get(r);
                for (int i = 0; i < example.length; i++) {
                    Cell c = ex.createCell(i);
                    c.setCellStyle(text);
                    c.setCellValue(example[i]);
                }
            }
            Sheet notes = wb.createSheet("填写说明");
            int r = 0;
            for (String rule : rules) {
                notes.createRow(r++).createCell(0).setCellValue(rule);
            }
            for (Column c : columns) {
                Row row = notes.createRow(r++);
                row.createCell(0).setCellValue(c.header());
                row.createCell(1).setCellValue(c.required() ? "必填" : "选填");
                row.createCell(2).setCellValue(c.note());
            }
            notes.setColumnWidth(0, 20 * 256);
            notes.setColumnWidth(2, 60 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
