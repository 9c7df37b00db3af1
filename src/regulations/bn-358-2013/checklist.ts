import { type Provision, cite } from '../../rules/citation.js';
import type { ChecklistItem, SectionDef } from '../../rules/regulation.js';

/** Chương II, Mục 1–4 of the Quy định attached to QĐ 358/2013/QĐ-UBND. */
export const SECTIONS: readonly SectionDef[] = [
  {
    number: 1,
    titleVi: 'Trách nhiệm của người đứng đầu trong việc xây dựng và sử dụng cơ sở hạ tầng thông tin',
    titleEn: 'Information infrastructure',
    shortVi: 'Hạ tầng thông tin',
    articles: [5, 6],
  },
  {
    number: 2,
    titleVi: 'Trách nhiệm của người đứng đầu trong việc cung cấp thông tin và dịch vụ công trực tuyến',
    titleEn: 'Online information and public services',
    shortVi: 'Thông tin, dịch vụ công trực tuyến',
    articles: [7, 8, 9],
  },
  {
    number: 3,
    titleVi: 'Trách nhiệm của người đứng đầu trong việc phát triển và sử dụng nguồn nhân lực công nghệ thông tin',
    titleEn: 'IT human resources',
    shortVi: 'Nguồn nhân lực CNTT',
    articles: [10, 11],
  },
  {
    number: 4,
    titleVi: 'Trách nhiệm của người đứng đầu trong việc triển khai ứng dụng công nghệ thông tin',
    titleEn: 'Deploying IT applications',
    shortVi: 'Triển khai ứng dụng CNTT',
    articles: [12, 13, 14],
  },
];

const item = (code: string, section: number, citation: Provision, textVi: string, labelEn: string): ChecklistItem => ({
  code,
  section,
  citation,
  textVi,
  labelEn,
});

/** The 22 checklist items of rules.md, in order. */
export const CHECKLIST: readonly ChecklistItem[] = [
  item(
    '1.1',
    1,
    cite(5, 1),
    'Chỉ đạo đầu tư xây dựng, sử dụng, duy trì và nâng cấp cơ sở hạ tầng thông tin của cơ quan, đơn vị, địa phương mình theo tiêu chuẩn, quy chuẩn kỹ thuật quy định.',
    'Directs investment, use, maintenance and upgrade of IT infrastructure to the technical standards',
  ),
  item(
    '1.2',
    1,
    cite(5, 2),
    'Căn cứ vào danh mục cơ sở dữ liệu của tỉnh, xây dựng hệ thống cơ sở dữ liệu của cơ quan, đơn vị, địa phương mình để phục vụ công việc.',
    "Builds the unit's databases from the province's database catalogue",
  ),
  item(
    '1.3',
    1,
    cite(6),
    'Khi xây dựng hệ thống cơ sở dữ liệu của cơ quan, đơn vị, địa phương mình, đảm bảo khả năng sẵn sàng chia sẻ, kết nối liên thông với các hệ thống thông tin của các ngành, cơ quan khác trên địa bàn tỉnh.',
    "The unit's databases are ready to share and interconnect with other agencies' systems",
  ),
  item(
    '2.1',
    2,
    cite(7, 1),
    'Cung cấp trên cổng/trang thông tin điện tử các thông tin chủ yếu bắt buộc theo Nghị định 43/2011/NĐ-CP ngày 13/6/2011 của Chính phủ.',
    'Publishes the mandatory information on its portal/website (Nghị định 43/2011/NĐ-CP)',
  ),
  item(
    '2.2',
    2,
    cite(7, 2),
    'Cung cấp thông tin theo nguyên tắc tạo điều kiện cho các tổ chức, cá nhân tiếp cận nhanh chóng, dễ dàng, tránh phải cung cấp nhiều lần cùng một nội dung thông tin.',
    'Information is easy and quick to reach; no one must supply the same content twice',
  ),
  item(
    '2.3',
    2,
    cite(7, 3),
    'Thông tin cung cấp trên cổng/trang thông tin điện tử chính xác và kịp thời; tuân thủ các quy định của pháp luật về bảo vệ bí mật Nhà nước, báo chí, sở hữu trí tuệ và quản lý thông tin trên Internet.',
    'Information is accurate and timely, and respects state-secret, press, IP and Internet law',
  ),
  item(
    '2.4',
    2,
    cite(8, 1),
    'Công bố danh mục, lộ trình cung cấp các dịch vụ hành chính công trên môi trường mạng.',
    'Publishes the list and roadmap of its online public services',
  ),
  item(
    '2.5',
    2,
    cite(8, 2),
    'Hướng dẫn tổ chức, cá nhân tham gia giao dịch với cơ quan nhà nước khi thực hiện các dịch vụ hành chính công trên môi trường mạng.',
    'Guides organisations and citizens in transacting online',
  ),
  item(
    '2.6',
    2,
    cite(8, 3),
    'Tuyên truyền, quảng bá để thu hút người dân tham gia giao dịch với cơ quan nhà nước trên môi trường mạng.',
    'Promotes online transactions to citizens',
  ),
  item(
    '2.7',
    2,
    cite(9, 1),
    'Xây dựng quy định về việc bảo đảm an toàn thông tin tại đơn vị.',
    'Has an internal information-security regulation',
  ),
  item(
    '2.8',
    2,
    cite(9, 2),
    'Phân công cán bộ phụ trách quản lý an toàn thông tin.',
    'Has assigned staff to information-security management',
  ),
  item(
    '2.9',
    2,
    cite(9, 3),
    'Áp dụng, hướng dẫn và kiểm tra định kỳ việc thực hiện các biện pháp bảo đảm cho hệ thống thông tin trên mạng đáp ứng các tiêu chuẩn, quy chuẩn kỹ thuật về an toàn thông tin.',
    'Applies, guides and periodically checks security measures against the standards',
  ),
  item(
    '3.1',
    3,
    cite(10, 1),
    'Xây dựng chính sách phát triển quy mô và tăng cường chất lượng đào tạo nguồn nhân lực công nghệ thông tin.',
    'Has a policy to grow the scale and quality of IT staff training',
  ),
  item(
    '3.2',
    3,
    cite(10, 2),
    'Tạo điều kiện cho lãnh đạo, cán bộ chuyên trách về công nghệ thông tin được học tập, nâng cao trình độ quản lý, kỹ thuật nghiệp vụ.',
    'Lets IT leaders and dedicated IT staff study and improve',
  ),
  item(
    '3.3',
    3,
    cite(10, 3),
    'Tạo điều kiện cho cán bộ, công chức, viên chức được đào tạo về kỹ năng ứng dụng công nghệ thông tin trong xử lý công việc; việc tuyển dụng nhân lực về công nghệ thông tin đáp ứng các yêu cầu về trình độ, chuyên môn.',
    'Trains civil servants in IT skills; recruits IT staff to the required qualifications',
  ),
  {
    ...item(
      '3.4',
      3,
      cite(11),
      'Bố trí đủ cán bộ chuyên trách về công nghệ thông tin đúng tiêu chuẩn quy định, phù hợp với kế hoạch ứng dụng công nghệ thông tin trong cơ quan mình.',
      'Employs enough dedicated IT staff to the standard',
    ),
    // Điều 11: "Thủ trưởng các cơ quan chuyên môn thuộc UBND tỉnh; Chủ tịch UBND các huyện, thị xã, thành phố".
    appliesTo: ['co-quan-chuyen-mon', 'ubnd-huyen'],
  },
  item(
    '4.1',
    4,
    cite(12),
    'Căn cứ vào kế hoạch 5 năm của UBND tỉnh, xây dựng kế hoạch ứng dụng công nghệ thông tin hàng năm của cơ quan mình, đồng thời phối hợp với các đơn vị có liên quan tổ chức thực hiện kế hoạch đó.',
    "Has an annual IT application plan based on the province's 5-year plan, and carries it out",
  ),
  item(
    '4.2',
    4,
    cite(13),
    'Bố trí kinh phí đầu tư cho ứng dụng công nghệ thông tin từ ngân sách nhà nước (chi đầu tư phát triển, chi thường xuyên) và các nguồn kinh phí hợp pháp khác; nội dung đầu tư thực hiện theo khoản 1 Điều 63 của Luật Công nghệ thông tin.',
    'Funds IT application from lawful sources, on the contents of Luật CNTT Điều 63 khoản 1',
  ),
  item(
    '4.3',
    4,
    cite(14, 1),
    'Hoạt động ứng dụng công nghệ thông tin gắn với việc nâng cao hiệu quả hoạt động của cơ quan nhà nước và tuân thủ các quy định của pháp luật về đầu tư và thực hành tiết kiệm, chống lãng phí trong đầu tư các dự án ứng dụng công nghệ thông tin.',
    'IT spending is efficient and follows investment and thrift law',
  ),
  item(
    '4.4',
    4,
    cite(14, 2),
    'Hoạt động ứng dụng công nghệ thông tin gắn với việc cải cách hành chính.',
    'IT application is tied to administrative reform',
  ),
  item(
    '4.5',
    4,
    cite(14, 3),
    'Ưu tiên và tăng cường sử dụng phần mềm mã nguồn mở trong hoạt động ứng dụng công nghệ thông tin tại đơn vị.',
    'Prefers and increases the use of open-source software',
  ),
  item(
    '4.6',
    4,
    cite(14, 4),
    'Phối hợp với Sở Thông tin và Truyền thông về nội dung đầu tư, quy mô và thời gian triển khai giữa các dự án ứng dụng công nghệ thông tin, tránh đầu tư trùng lặp.',
    'Coordinates investment with Sở TT&TT to avoid duplicate projects',
  ),
];
