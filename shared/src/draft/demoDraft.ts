/**
 * The demo conference's draft: a Party regulation of 4 chapters and 16 articles, written in the
 * layout of a real Quy định (preamble, chapters in capitals, signature block), so that it also
 * exercises the parser the way an imported file does.
 */
export const DEMO_DRAFT_TEXT = `BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số -QĐ/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày tháng năm 2023
DỰ THẢO
QUY ĐỊNH
về chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức, mối quan hệ công tác của đảng đoàn, ban cán sự đảng cấp tỉnh
-----
- Căn cứ Điều lệ Đảng;
- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư khóa XIII;
- Xét đề nghị của Ban Tổ chức Trung ương,
Bộ Chính trị quy định về chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức, mối quan hệ công tác của đảng đoàn, ban cán sự đảng cấp tỉnh như sau:

Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
1. Quy định này quy định về chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức, nguyên tắc, chế độ làm việc và mối quan hệ công tác của đảng đoàn, ban cán sự đảng cấp tỉnh.
2. Quy định này áp dụng đối với đảng đoàn hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương; ban cán sự đảng ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương; đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội cấp tỉnh; đảng đoàn các hội quần chúng cấp tỉnh do tỉnh ủy, thành ủy lập ra (sau đây gọi chung là đảng đoàn, ban cán sự đảng) và các cơ quan, tổ chức, cá nhân có liên quan.

Điều 2. Giải thích từ ngữ
Trong Quy định này, các từ ngữ dưới đây được hiểu như sau:
1. Đảng đoàn là tổ chức đảng do ban thường vụ tỉnh ủy, thành ủy lập ra ở cơ quan lãnh đạo cấp tỉnh của hội đồng nhân dân, Mặt trận Tổ quốc, các tổ chức chính trị - xã hội và một số hội quần chúng để lãnh đạo thực hiện đường lối, chủ trương của Đảng trong cơ quan, tổ chức đó.
2. Ban cán sự đảng là tổ chức đảng do ban thường vụ tỉnh ủy, thành ủy lập ra ở ủy ban nhân dân cấp tỉnh để lãnh đạo thực hiện đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước trong quản lý nhà nước ở địa phương.
3. Tỉnh ủy là ban chấp hành đảng bộ tỉnh, thành phố trực thuộc Trung ương; ban thường vụ tỉnh ủy là ban thường vụ đảng bộ tỉnh, thành phố trực thuộc Trung ương.
4. Cơ quan, tổ chức nơi có đảng đoàn, ban cán sự đảng là hội đồng nhân dân, ủy ban nhân dân, Ủy ban Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội và các hội quần chúng cấp tỉnh mà đảng đoàn, ban cán sự đảng được lập ra để lãnh đạo.

Điều 3. Vị trí và việc thành lập đảng đoàn, ban cán sự đảng
1. Đảng đoàn, ban cán sự đảng chịu sự lãnh đạo trực tiếp, toàn diện, thường xuyên của tỉnh ủy, ban thường vụ, thường trực tỉnh ủy; chịu trách nhiệm trước tỉnh ủy, ban thường vụ tỉnh ủy về những quyết định của mình.
2. Việc thành lập, kiện toàn, giải thể đảng đoàn, ban cán sự đảng do ban thường vụ tỉnh ủy quyết định trên cơ sở đề nghị của ban tổ chức tỉnh ủy, bảo đảm:
a) Đúng Điều lệ Đảng và quy định của Bộ Chính trị, Ban Bí thư;
b) Phù hợp với chức năng, nhiệm vụ và tổ chức bộ máy của cơ quan, tổ chức nơi có đảng đoàn, ban cán sự đảng;
c) Không chồng chéo, trùng lặp với chức năng, nhiệm vụ của đảng ủy cơ quan, tổ chức.
3. Đảng đoàn, ban cán sự đảng không có tổ chức đảng trực thuộc, không trực tiếp lãnh đạo tổ chức cơ sở đảng trong cơ quan, tổ chức.

Chương II
CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN

Điều 4. Chức năng của đảng đoàn, ban cán sự đảng
1. Lãnh đạo cơ quan, tổ chức nơi có đảng đoàn, ban cán sự đảng quán triệt, cụ thể hóa và tổ chức thực hiện đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước, nghị quyết, chỉ thị, kết luận của tỉnh ủy, ban thường vụ tỉnh ủy.
2. Lãnh đạo về chính trị, tư tưởng, tổ chức, cán bộ; kiểm tra, giám sát việc thực hiện nhiệm vụ chính trị của cơ quan, tổ chức.
3. Là cầu nối giữa tỉnh ủy với cơ quan, tổ chức nơi có đảng đoàn, ban cán sự đảng; tham mưu cho tỉnh ủy những chủ trương, giải pháp thuộc lĩnh vực được giao.

Điều 5. Nhiệm vụ, quyền hạn của đảng đoàn, ban cán sự đảng
1. Lãnh đạo quán triệt, cụ thể hóa và tổ chức thực hiện:
a) Đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước;
b) Nghị quyết, chỉ thị, kết luận, quyết định của tỉnh ủy, ban thường vụ tỉnh ủy;
c) Chương trình, kế hoạch công tác của cơ quan, tổ chức nơi có đảng đoàn, ban cán sự đảng.
2. Lãnh đạo xây dựng và trình cấp có thẩm quyền quyết định những vấn đề quan trọng về chủ trương, nhiệm vụ, tổ chức bộ máy, biên chế của cơ quan, tổ chức.
3. Lãnh đạo công tác cán bộ theo phân cấp quản lý; đề xuất với ban thường vụ tỉnh ủy về công tác cán bộ thuộc diện tỉnh ủy quản lý; phối hợp với cấp ủy cơ quan, tổ chức trong công tác xây dựng Đảng.
4. Kiểm tra, giám sát việc thực hiện nghị quyết, chỉ thị của Đảng và quyết định của đảng đoàn, ban cán sự đảng trong cơ quan, tổ chức; định kỳ báo cáo kết quả với ban thường vụ tỉnh ủy.

Điều 6. Nhiệm vụ, quyền hạn của bí thư đảng đoàn, ban cán sự đảng
1. Chủ trì, lãnh đạo, điều hành hoạt động của đảng đoàn, ban cán sự đảng; chịu trách nhiệm trước tỉnh ủy, ban thường vụ tỉnh ủy về hoạt động của đảng đoàn, ban cán sự đảng.
2. Chuẩn bị nội dung, triệu tập và chủ trì các cuộc họp của đảng đoàn, ban cán sự đảng; ký các văn bản của đảng đoàn, ban cán sự đảng.
3. Báo cáo, làm việc với ban thường vụ, thường trực tỉnh ủy; thông tin kịp thời cho các thành viên về chủ trương, quyết định của cấp trên.

Điều 7. Nhiệm vụ, quyền hạn của phó bí thư và các ủy viên
1. Phó bí thư giúp bí thư điều hành công việc của đảng đoàn, ban cán sự đảng; khi bí thư vắng mặt, phó bí thư được bí thư ủy quyền chủ trì công việc và báo cáo lại kết quả.
2. Ủy viên đảng đoàn, ban cán sự đảng có nhiệm vụ:
a) Tham gia đầy đủ các cuộc họp, thảo luận và biểu quyết những vấn đề thuộc nhiệm vụ, quyền hạn của đảng đoàn, ban cán sự đảng;
b) Thực hiện nhiệm vụ được phân công, chịu trách nhiệm cá nhân về lĩnh vực được giao phụ trách;
c) Giữ gìn sự đoàn kết, thống nhất trong đảng đoàn, ban cán sự đảng.
3. Ủy viên đảng đoàn, ban cán sự đảng được cung cấp thông tin, tài liệu cần thiết để thực hiện nhiệm vụ; được bảo lưu ý kiến và báo cáo lên cấp trên theo quy định.

Chương III
CƠ CẤU TỔ CHỨC, NGUYÊN TẮC VÀ CHẾ ĐỘ LÀM VIỆC

Điều 8. Cơ cấu tổ chức và số lượng thành viên
1. Đảng đoàn hội đồng nhân dân tỉnh có từ năm đến bảy đồng chí; bí thư đảng đoàn là đồng chí bí thư hoặc phó bí thư tỉnh ủy, chủ tịch hội đồng nhân dân tỉnh.
2. Ban cán sự đảng ủy ban nhân dân tỉnh có từ bảy đến chín đồng chí; bí thư ban cán sự đảng là đồng chí phó bí thư tỉnh ủy, chủ tịch ủy ban nhân dân tỉnh.
3. Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội và hội quần chúng cấp tỉnh có từ ba đến năm đồng chí; bí thư đảng đoàn là đồng chí người đứng đầu cơ quan, tổ chức.

Điều 9. Nhiệm kỳ, chỉ định và kiện toàn
1. Nhiệm kỳ của đảng đoàn, ban cán sự đảng (Ban soạn thảo xin ý kiến hai phương án):
Phương án 1: Nhiệm kỳ của đảng đoàn, ban cán sự đảng theo nhiệm kỳ của tỉnh ủy.
Phương án 2: Nhiệm kỳ của đảng đoàn, ban cán sự đảng theo nhiệm kỳ của cơ quan nhà nước, Ủy ban Mặt trận Tổ quốc Việt Nam, tổ chức chính trị - xã hội nơi lập đảng đoàn, ban cán sự đảng.
2. Ban thường vụ tỉnh ủy chỉ định bí thư, phó bí thư và ủy viên đảng đoàn, ban cán sự đảng; kịp thời kiện toàn khi có thay đổi về nhân sự.
3. Thành viên đảng đoàn, ban cán sự đảng thôi giữ chức vụ trong cơ quan, tổ chức thì đương nhiên thôi là thành viên đảng đoàn, ban cán sự đảng.

Điều 10. Nguyên tắc làm việc
1. Đảng đoàn, ban cán sự đảng làm việc theo nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách; quyết định theo đa số.
2. Đảng đoàn, ban cán sự đảng ban hành quy chế làm việc phù hợp với quy chế làm việc của tỉnh ủy và các nhiệm vụ, quyền hạn quy định tại Điều 5, Điều 6 Quy định này.
3. Quyết định của đảng đoàn, ban cán sự đảng được thông qua khi có trên một nửa tổng số thành viên tán thành; trường hợp có ý kiến khác nhau thì báo cáo ban thường vụ tỉnh ủy xem xét, quyết định.

Điều 11. Chế độ làm việc và sinh hoạt
1. Đảng đoàn, ban cán sự đảng họp định kỳ ba tháng một lần; họp bất thường khi cần thiết.
2. Hằng năm, đảng đoàn, ban cán sự đảng kiểm điểm tự phê bình và phê bình tập thể, cá nhân theo quy định của Trung ương.
3. Đảng đoàn, ban cán sự đảng thực hiện chế độ báo cáo với ban thường vụ tỉnh ủy:
a) Báo cáo định kỳ sáu tháng, một năm về tình hình lãnh đạo thực hiện nhiệm vụ chính trị của cơ quan, tổ chức;
b) Báo cáo đột xuất về những vấn đề quan trọng, phát sinh cần xin ý kiến chỉ đạo.

Điều 12. Bộ phận giúp việc và kinh phí hoạt động
1. Cơ quan, tổ chức nơi có đảng đoàn, ban cán sự đảng bố trí bộ phận tham mưu, giúp việc đảng đoàn, ban cán sự đảng; bộ phận giúp việc hoạt động theo chế độ kiêm nhiệm.
2. Kinh phí hoạt động của đảng đoàn, ban cán sự đảng được bảo đảm từ nguồn kinh phí của cơ quan, tổ chức nơi có đảng đoàn, ban cán sự đảng.

Chương IV
QUAN HỆ CÔNG TÁC VÀ TỔ CHỨC THỰC HIỆN

Điều 13. Quan hệ với tỉnh ủy, ban thường vụ, thường trực tỉnh ủy
1. Đảng đoàn, ban cán sự đảng chịu sự lãnh đạo, chỉ đạo trực tiếp, thường xuyên của tỉnh ủy, ban thường vụ, thường trực tỉnh ủy.
2. Đảng đoàn, ban cán sự đảng báo cáo, xin ý kiến ban thường vụ tỉnh ủy trước khi quyết định những vấn đề quan trọng về chủ trương, chính sách, tổ chức, cán bộ.

Điều 14. Quan hệ với đảng ủy cơ quan, tổ chức
1. Quan hệ giữa đảng đoàn, ban cán sự đảng với đảng ủy cơ quan, tổ chức là quan hệ phối hợp, cùng chịu sự lãnh đạo của ban thường vụ tỉnh ủy.
2. Đảng đoàn, ban cán sự đảng thông báo cho đảng ủy cơ quan, tổ chức về chủ trương, nhiệm vụ chính trị; đảng ủy lãnh đạo tổ chức đảng, đảng viên thực hiện.
3. Hai bên thống nhất trong công tác cán bộ, công tác tư tưởng, công tác kiểm tra, giám sát đảng viên trong cơ quan, tổ chức.

Điều 15. Quan hệ với các ban đảng, văn phòng tỉnh ủy và các đảng đoàn, ban cán sự đảng khác
1. Đảng đoàn, ban cán sự đảng phối hợp với các ban đảng, văn phòng tỉnh ủy trong tham mưu cho tỉnh ủy về những vấn đề thuộc lĩnh vực được giao.
2. Các đảng đoàn, ban cán sự đảng cấp tỉnh phối hợp, trao đổi thông tin trong lãnh đạo thực hiện nhiệm vụ có liên quan.
3. Chương trình phối hợp được thể hiện trong quy chế làm việc của mỗi đảng đoàn, ban cán sự đảng.

Điều 16. Tổ chức thực hiện
1. Tỉnh ủy, thành ủy, đảng đoàn, ban cán sự đảng cấp tỉnh và các cơ quan, tổ chức có liên quan chịu trách nhiệm thi hành Quy định này.
2. Ban Tổ chức Trung ương chủ trì, phối hợp với các cơ quan có liên quan hướng dẫn, theo dõi, kiểm tra việc thực hiện Quy định này; định kỳ sơ kết, tổng kết, báo cáo Bộ Chính trị.
3. Quy định này có hiệu lực kể từ ngày ký. Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, tổ chức báo cáo Bộ Chính trị (qua Ban Tổ chức Trung ương) xem xét, quyết định.

Nơi nhận:
- Các tỉnh ủy, thành ủy,
- Các ban đảng, đảng ủy trực thuộc Trung ương,
- Các đảng đoàn, ban cán sự đảng cấp tỉnh,
- Lưu Văn phòng Trung ương Đảng.
T/M BỘ CHÍNH TRỊ
`;
