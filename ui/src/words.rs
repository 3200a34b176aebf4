//! The interface words every view says the same way, in Chinese and English, and the type of a
//! view's interface string. A view's own words stay in its `i18n.rs`; policy names and
//! explanations come from the core.

use tic_core::Lang;

/// One interface string in Chinese and English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr(pub &'static str, pub &'static str);

impl Tr {
    /// The version in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.0,
            Lang::En => self.1,
        }
    }
}

/// Picks the Chinese or English of two formatted strings.
pub fn pick(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The language switch: the other language's name.
pub const LANG_SWITCH: Tr = Tr("English", "中文");
/// The language switch's accessible name.
pub const LANG_SWITCH_LABEL: Tr = Tr("Switch to English", "切换到中文");
/// Heading of the save-and-share block.
pub const ACTIONS: Tr = Tr("保存与分享", "Save and share");
/// The button that erases what the view saved.
pub const CLEAR: Tr = Tr("清除我的数据", "Clear my data");
/// Label of the policy version.
pub const POLICY_VERSION: Tr = Tr("政策版本", "Policy version");
/// A year column.
pub const YEAR: Tr = Tr("年度", "Year");
/// A total.
pub const TOTAL: Tr = Tr("合计", "Total");
/// What a requirement asks for.
pub const REQUIRED: Tr = Tr("要求", "Required");
/// A share link whose data cannot be decoded (cut short when it was copied, most often): said
/// in the user's words, not as "not base64url".
pub const LINK_BAD_DATA: Tr = Tr(
    "链接不完整或已损坏，无法读取",
    "The link is incomplete or damaged and cannot be read",
);
/// A picked file the browser could not read.
pub const FILE_UNREADABLE: Tr = Tr("文件无法读取", "The file cannot be read");
/// Where a problem is when it concerns the whole document (its path is empty).
pub const WHOLE_FILE: Tr = Tr("整个文件", "The whole file");
