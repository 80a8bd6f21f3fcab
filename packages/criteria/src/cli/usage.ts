import type { Lang } from './i18n.ts';

const VI = `chiso — công cụ dòng lệnh của Chỉ số (đánh giá mức độ chuyển đổi số)

Cách dùng:
  chiso criteria validate BỘ_CHỈ_SỐ        kiểm tra một bộ chỉ số; mã thoát 1 nếu có lỗi
  chiso criteria score BỘ_CHỈ_SỐ TRẢ_LỜI   chấm điểm; mã thoát 1 nếu còn thiếu hoặc có mục không hợp lệ
  chiso criteria diff A B                  so sánh hai phiên bản; mã thoát 0 nếu giống nhau, 1 nếu khác
  chiso criteria demo                      tổng quan: kiểm tra các bộ có sẵn và chấm ví dụ seed 003

BỘ_CHỈ_SỐ là đường dẫn tệp JSON hoặc mã một bộ có sẵn (4725, hp-4725).
TRẢ_LỜI là tệp JSON { "answers": {…}, "awards": {…}, "evidence": {…} } (evidence không bắt buộc).

Tùy chọn:
  --json          in JSON cho chương trình đọc (mã thoát như trên)
  --lang vi|en    ngôn ngữ hiển thị (mặc định vi)
  --indicators    khi chấm điểm: hiện từng chỉ số thành phần
  --help, -h      hiện hướng dẫn này

Mã thoát 2: lệnh sai, không đọc được tệp, hoặc tệp không phải JSON hợp lệ.
`;

const EN = `chiso — the command line of Chỉ số (assessing schools' digital transformation)

Usage:
  chiso criteria validate DEFINITION       check a criteria set; exit 1 if it has an error
  chiso criteria score DEFINITION ANSWERS  score a submission; exit 1 if anything is missing or invalid
  chiso criteria diff A B                  compare two versions; exit 0 if identical, 1 if not
  chiso criteria demo                      overview: validate the built-in sets, score the seed 003 example

DEFINITION is a JSON file path or the key of a built-in set (4725, hp-4725).
ANSWERS is a JSON file { "answers": {…}, "awards": {…}, "evidence": {…} } (evidence is optional).

Options:
  --json          print JSON for programs (same exit codes)
  --lang vi|en    language of the output (vi by default)
  --indicators    when scoring: show every indicator
  --help, -h      show this help

Exit 2: a wrong command, an unreadable file, or a file that is not valid JSON.
`;

/** The help text, in the chosen language. */
export function usage(lang: Lang): string {
  return lang === 'en' ? EN : VI;
}
