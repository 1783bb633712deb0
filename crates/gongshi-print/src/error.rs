use thiserror::Error;

#[derive(Debug, Error)]
pub enum PrintError {
    /// A sheet holds personal data; nothing was written.
    #[error("《{sheet}》不能打印：{place}{finding}。请删去或改写后再打印。")]
    Privacy {
        sheet: String,
        place: String,
        finding: gongshi_domain::privacy::Finding,
    },

    #[error("生成 Excel 文件失败：{0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),

    #[error("生成 PDF 失败：{0}")]
    Pdf(String),
}
