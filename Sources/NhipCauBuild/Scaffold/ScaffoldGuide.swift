/// `HUONG-DAN.md`: the first thing an officer reads in a new site folder.
enum ScaffoldGuide {
    static let text = """
    # Hướng dẫn nhanh

    Thư mục này là một cổng thông tin mẫu, dựng được ngay. Mọi thứ bạn soạn nằm trong thư mục `content/`:

    | Thư mục, tệp | Nội dung |
    | --- | --- |
    | `content/site.yml` | Tên cổng, đơn vị, đường dây nóng — sửa trước tiên |
    | `content/stories/` | Câu chuyện thành công (mỗi câu chuyện một tệp `.md`) |
    | `content/markets/` | Thị trường (Nhật Bản, Hàn Quốc…) |
    | `content/policies/` | Văn bản chính sách |
    | `content/pages/` | Trang tĩnh: giới thiệu, hỏi đáp, liên hệ |
    | `content/targets/` | Chỉ tiêu và kết quả theo quý (tệp `.json`) |
    | `content/media/` | Hình ảnh |

    Mỗi loại đã có một tệp mẫu: mở ra xem, sửa theo, hoặc chép thành tệp mới.
    Tên tệp viết thường, không dấu, nối bằng gạch ngang: `chi-lan-o-han-quoc.md`.

    ## Các bước làm việc

    Mở cửa sổ dòng lệnh trong thư mục này (thư mục có tệp `HUONG-DAN.md`), rồi:

    1. **Tạo bài mới**: `nhipcau new story "Chị Lan và ba năm ở Hàn Quốc"` — tạo tệp trong
       `content/stories/`, ở dạng bản nháp (`draft: true`). Tương tự: `new market`, `new policy`, `new page`.
       Lệnh chạy được cả khi bạn đang ở trong `content/` hay `content/stories/`.
    2. **Soạn bài**: mở tệp vừa tạo bằng trình soạn thảo văn bản, sửa các dòng ở đầu và viết nội dung.
    3. **Xem trước**: `nhipcau serve --drafts` rồi mở địa chỉ được in ra (ví dụ `http://127.0.0.1:8080/`)
       trong trình duyệt. Mỗi lần lưu tệp, trang tự tải lại. Nếu có lỗi, trình duyệt hiện danh sách lỗi
       (tệp, dòng, cách sửa). Bấm Ctrl-C để dừng.
    4. **Kiểm tra**: `nhipcau check` — liệt kê một lần mọi lỗi và nhắc việc của mọi tệp, mà không ghi gì.
       Mỗi dòng có dạng `tệp:dòng:cột: error: …` (cột đếm theo ký tự), ví dụ
       `content/stories/chi-lan.md:3:7: error: …`: mở tệp đó, tới dòng đó mà sửa.
    5. **Dựng trang**: xóa dòng `draft: true` ở bài đã sẵn sàng, rồi chạy `nhipcau build`. Trang web
       được ghi vào thư mục `site/`. Nếu có lỗi thì không có gì thay đổi.
    6. **Đăng**: chép toàn bộ thư mục `site/` lên máy chủ web của đơn vị.

    Thông báo theo ngôn ngữ ghi ở `language:` trong `content/site.yml`. Muốn đổi cho một lần chạy, thêm
    `--lang en` (tiếng Anh) hoặc `--lang vi` vào bất kỳ lệnh nào: `build`, `check`, `new`, `serve`, `init`,
    ví dụ `nhipcau build --lang en`. (Phần trợ giúp `--help` của công cụ chỉ có tiếng Anh.)
    Thêm `--quiet` để chỉ in lỗi, `--verbose` để in thêm thời gian từng bước.

    ## Đọc thêm

    Hướng dẫn đầy đủ về từng khóa, liên kết, bảng, biểu đồ và số liệu chỉ tiêu: tệp `docs/content.md`
    đi kèm công cụ Nhịp Cầu.

    """
}
