import { translator } from '../../i18n/locale.ts';

/** The form feature's own phrases (conflicts, offline), Vietnamese first. */
export const tf = translator({
  stranded: {
    vi: 'Trình duyệt này còn giữ thay đổi chưa gửi được, vì hồ sơ đã chuyển sang trạng thái không sửa được. Chúng được giữ lại và sẽ hiện lại nếu hồ sơ được trả lại để sửa.',
    en: 'This browser still holds changes that could not be sent, because the submission can no longer be edited. They are kept and come back if the submission is sent back for changes.',
  },
  strandedCount: { vi: 'Số thay đổi:', en: 'Changes:' },
  discardStranded: { vi: 'Bỏ các thay đổi này', en: 'Discard these changes' },
  returnedTitle: { vi: 'Hồ sơ được trả lại để bổ sung, sửa chữa', en: 'The submission was sent back for changes' },
  reviewerComments: { vi: 'Nhận xét của đoàn đánh giá theo tiêu chí', en: 'The reviewers’ comments per criterion' },
  conflictTitle: { vi: 'Hồ sơ vừa được người khác thay đổi', en: 'Someone else has just changed the submission' },
  conflictIntro: {
    vi: 'Những ô dưới đây đã được cả bạn và người khác sửa khác nhau. Chọn giữ giá trị nào cho từng ô; các thay đổi khác của bạn vẫn được giữ và sẽ được lưu.',
    en: 'Both you and someone else changed the values below differently. Choose which to keep for each; your other changes are kept and will be saved.',
  },
  conflictField: { vi: 'Ô', en: 'Field' },
  theirs: { vi: 'Trên máy chủ (người khác đã lưu)', en: 'On the server (saved by someone else)' },
  mine: { vi: 'Của bạn (chưa lưu)', en: 'Yours (not saved)' },
  keepMine: { vi: 'Giữ của tôi', en: 'Keep mine' },
  takeTheirs: { vi: 'Lấy bản trên máy chủ', en: 'Take the server’s' },
  keepAllMine: { vi: 'Giữ tất cả của tôi', en: 'Keep all mine' },
  takeAllTheirs: { vi: 'Lấy tất cả bản trên máy chủ', en: 'Take all the server’s' },
  applyChoices: { vi: 'Áp dụng lựa chọn và lưu', en: 'Apply the choices and save' },
  empty: { vi: '(trống)', en: '(empty)' },
  awardOf: { vi: 'Điểm tự chấm', en: 'Own points' },
  restored: { vi: 'Đã khôi phục các thay đổi chưa lưu từ lần trước (được giữ trong trình duyệt).', en: 'Unsaved changes from last time were restored (kept in this browser).' },
});
