<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
    <context>
        <name>Category</name>
        <message>
            <source>asian</source>
            <translation>아시안</translation>
        </message>
        <message>
            <source>bunsik</source>
            <translation>분식</translation>
        </message>
        <message>
            <source>burger</source>
            <translation>버거</translation>
        </message>
        <message>
            <source>chicken</source>
            <translation>치킨</translation>
        </message>
        <message>
            <source>chinese</source>
            <translation>중식</translation>
        </message>
        <message>
            <source>japanese</source>
            <translation>일식</translation>
        </message>
        <message>
            <source>korean</source>
            <translation>한식</translation>
        </message>
        <message>
            <source>pizza</source>
            <translation>피자</translation>
        </message>
        <message>
            <source>western</source>
            <translation>양식</translation>
        </message>
        <message>
            <source>cafe</source>
            <translation>카페</translation>
        </message>
        <message>
            <source>dessert</source>
            <translation>디저트</translation>
        </message>
    </context>
    <context>
        <name>Format</name>
        <message>
            <source>%1 min</source>
            <translation>%1분</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1%</translation>
        </message>
    </context>
    <context>
        <name>Segment</name>
        <message>
            <source>Hibernating</source>
            <translation>휴면</translation>
        </message>
        <message>
            <source>At Risk</source>
            <translation>이탈 위험</translation>
        </message>
        <message>
            <source>Can't Lose Them</source>
            <translation>놓치면 안 될 고객</translation>
        </message>
        <message>
            <source>About to Sleep</source>
            <translation>휴면 직전</translation>
        </message>
        <message>
            <source>Need Attention</source>
            <translation>관심 필요</translation>
        </message>
        <message>
            <source>Loyal</source>
            <translation>충성 고객</translation>
        </message>
        <message>
            <source>Promising</source>
            <translation>유망 고객</translation>
        </message>
        <message>
            <source>New</source>
            <translation>신규 고객</translation>
        </message>
        <message>
            <source>Potential Loyalist</source>
            <translation>잠재 충성 고객</translation>
        </message>
        <message>
            <source>Champions</source>
            <translation>최우수 고객</translation>
        </message>
    </context>
    <context>
        <name>Source</name>
        <message>
            <source>file replay</source>
            <translation>파일 재생</translation>
        </message>
        <message>
            <source>kafka</source>
            <translation>Kafka</translation>
        </message>
        <message>
            <source>sqlite</source>
            <translation>SQLite</translation>
        </message>
        <message>
            <source>postgresql</source>
            <translation>PostgreSQL</translation>
        </message>
        <message>
            <source>redis</source>
            <translation>Redis</translation>
        </message>
    </context>
    <context>
        <name>SourceState</name>
        <message>
            <source>running</source>
            <translation>실행 중</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>일시정지</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>중지됨</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>완료</translation>
        </message>
        <message>
            <source>error</source>
            <translation>오류</translation>
        </message>
        <message>
            <source>reconnecting</source>
            <translation>재연결 중</translation>
        </message>
        <message>
            <source>connected</source>
            <translation>연결됨</translation>
        </message>
        <message>
            <source>idle</source>
            <translation>대기</translation>
        </message>
    </context>
    <context>
        <name>opui::AlertTableModel</name>
        <message>
            <source>IP velocity</source>
            <translation>IP 주문 급증</translation>
        </message>
        <message>
            <source>High value</source>
            <translation>고액 주문</translation>
        </message>
        <message>
            <source>Critical</source>
            <translation>심각</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>주의</translation>
        </message>
        <message>
            <source>%1 orders/min</source>
            <translation>분당 %1건</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>예</translation>
        </message>
        <message>
            <source>No</source>
            <translation>아니요</translation>
        </message>
        <message>
            <source>Time (KST)</source>
            <translation>시각 (KST)</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>규칙</translation>
        </message>
        <message>
            <source>Entity</source>
            <translation>대상</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>값</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>심각도</translation>
        </message>
        <message>
            <source>Acknowledged</source>
            <translation>확인함</translation>
        </message>
    </context>
    <context>
        <name>opui::ChartView</name>
        <message>
            <source>Wheel or drag: zoom · middle button or Shift+drag: pan · double-click: reset · right-click: export</source>
            <translation>휠 또는 드래그: 확대 · 가운데 버튼 또는 Shift+드래그: 이동 · 더블클릭: 원래대로 · 오른쪽 클릭: 내보내기</translation>
        </message>
        <message>
            <source>Reset view</source>
            <translation>원래 보기로</translation>
        </message>
        <message>
            <source>Export picture (PNG)…</source>
            <translation>그림으로 내보내기 (PNG)…</translation>
        </message>
        <message>
            <source>Export data (CSV)…</source>
            <translation>데이터 내보내기 (CSV)…</translation>
        </message>
        <message>
            <source>Export chart</source>
            <translation>차트 내보내기</translation>
        </message>
        <message>
            <source>PNG pictures (*.png)</source>
            <translation>PNG 그림 (*.png)</translation>
        </message>
        <message>
            <source>Could not write %1.</source>
            <translation>%1에 쓸 수 없습니다.</translation>
        </message>
        <message>
            <source>Export chart data</source>
            <translation>차트 데이터 내보내기</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 파일 (*.csv)</translation>
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation>%1에 쓸 수 없습니다: %2</translation>
        </message>
    </context>
    <context>
        <name>opui::CustomerTableModel</name>
        <message>
            <source>Customer</source>
            <translation>고객</translation>
        </message>
        <message>
            <source>Last order (KST)</source>
            <translation>최근 주문 (KST)</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>주문 수</translation>
        </message>
        <message>
            <source>Spent</source>
            <translation>누적 결제액</translation>
        </message>
        <message>
            <source>R</source>
            <translation>R</translation>
        </message>
        <message>
            <source>F</source>
            <translation>F</translation>
        </message>
        <message>
            <source>M</source>
            <translation>M</translation>
        </message>
        <message>
            <source>Segment</source>
            <translation>세그먼트</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>등급</translation>
        </message>
        <message>
            <source>CLV</source>
            <translation>CLV</translation>
        </message>
    </context>
    <context>
        <name>opui::CustomersPage</name>
        <message>
            <source>Customers per RFM segment</source>
            <translation>RFM 세그먼트별 고객 수</translation>
        </message>
        <message>
            <source>Segment</source>
            <translation>세그먼트</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>고객</translation>
        </message>
        <message>
            <source>%1: %2 customers</source>
            <translation>%1: 고객 %2명</translation>
        </message>
        <message>
            <source>Customers by recency (R) and frequency (F) score</source>
            <translation>최근성(R)·빈도(F) 점수별 고객 수</translation>
        </message>
        <message>
            <source>R score</source>
            <translation>R 점수</translation>
        </message>
        <message>
            <source>F score</source>
            <translation>F 점수</translation>
        </message>
        <message>
            <source>Customers per grade</source>
            <translation>등급별 고객 수</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>등급</translation>
        </message>
        <message>
            <source>Search customer, segment or grade</source>
            <translation>고객, 세그먼트, 등급 검색</translation>
        </message>
        <message>
            <source>as of %1</source>
            <translation>%1 기준</translation>
        </message>
        <message>
            <source>CLV distribution</source>
            <translation>고객 생애 가치(CLV) 분포</translation>
        </message>
        <message>
            <source>CLV (₩)</source>
            <translation>CLV (₩)</translation>
        </message>
    </context>
    <context>
        <name>opui::DeliveryPage</name>
        <message>
            <source>Delivery time distribution</source>
            <translation>배달 시간 분포</translation>
        </message>
        <message>
            <source>Delivery time (minutes)</source>
            <translation>배달 시간 (분)</translation>
        </message>
        <message>
            <source>Delivered orders</source>
            <translation>배달 완료 주문</translation>
        </message>
        <message>
            <source>%1 min: %2 orders</source>
            <translation>%1분: %2건</translation>
        </message>
        <message>
            <source>Mean delivery time by distance</source>
            <translation>거리별 평균 배달 시간</translation>
        </message>
        <message>
            <source>Distance</source>
            <translation>거리</translation>
        </message>
        <message>
            <source>0–1 km</source>
            <translation>0–1 km</translation>
        </message>
        <message>
            <source>1–2 km</source>
            <translation>1–2 km</translation>
        </message>
        <message>
            <source>2–3 km</source>
            <translation>2–3 km</translation>
        </message>
        <message>
            <source>3–5 km</source>
            <translation>3–5 km</translation>
        </message>
        <message>
            <source>5+ km</source>
            <translation>5 km 이상</translation>
        </message>
        <message>
            <source>Mean delivery time (min)</source>
            <translation>평균 배달 시간 (분)</translation>
        </message>
        <message>
            <source>Late deliveries by hour of placement</source>
            <translation>주문 시간대별 지연 배달 비율</translation>
        </message>
        <message>
            <source>Hour of day (KST)</source>
            <translation>시간대 (KST)</translation>
        </message>
        <message>
            <source>Late (%)</source>
            <translation>지연 (%)</translation>
        </message>
        <message>
            <source>%1:00 – %2 late</source>
            <translation>%1시 – 지연 %2</translation>
        </message>
        <message>
            <source>Delivered orders: %1   mean: %2   p50: %3   p90: %4   p99: %5</source>
            <translation>배달 완료 주문: %1   평균: %2   p50: %3   p90: %4   p99: %5</translation>
        </message>
        <message>
            <source>p50</source>
            <translation>p50</translation>
        </message>
        <message>
            <source>p90</source>
            <translation>p90</translation>
        </message>
        <message>
            <source>p99</source>
            <translation>p99</translation>
        </message>
        <message>
            <source>Mean delivery time</source>
            <translation>평균 배달 시간</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>지연</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>배달</translation>
        </message>
    </context>
    <context>
        <name>opui::FilterBar</name>
        <message>
            <source>Period:</source>
            <translation>기간:</translation>
        </message>
        <message>
            <source>All time</source>
            <translation>전체 기간</translation>
        </message>
        <message>
            <source>Last hour</source>
            <translation>최근 1시간</translation>
        </message>
        <message>
            <source>Last 6 hours</source>
            <translation>최근 6시간</translation>
        </message>
        <message>
            <source>Last 24 hours</source>
            <translation>최근 24시간</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>최근 7일</translation>
        </message>
        <message>
            <source>Orders placed in this period before the latest event</source>
            <translation>가장 최근 이벤트 기준으로 이 기간에 접수된 주문</translation>
        </message>
        <message>
            <source>Region:</source>
            <translation>지역:</translation>
        </message>
        <message>
            <source>Category:</source>
            <translation>업종:</translation>
        </message>
        <message>
            <source>Restaurant:</source>
            <translation>음식점:</translation>
        </message>
        <message>
            <source>Clear filter</source>
            <translation>필터 해제</translation>
        </message>
        <message>
            <source>All</source>
            <translation>전체</translation>
        </message>
        <message>
            <source>Filtered</source>
            <translation>필터 적용 중</translation>
        </message>
    </context>
    <context>
        <name>opui::FraudPage</name>
        <message>
            <source>Recent alerts</source>
            <translation>최근 알림</translation>
        </message>
        <message>
            <source>Rule:</source>
            <translation>규칙:</translation>
        </message>
        <message>
            <source>All rules</source>
            <translation>모든 규칙</translation>
        </message>
        <message>
            <source>Severity:</source>
            <translation>심각도:</translation>
        </message>
        <message>
            <source>All severities</source>
            <translation>모든 심각도</translation>
        </message>
        <message>
            <source>Acknowledge</source>
            <translation>확인 처리</translation>
        </message>
        <message>
            <source>Acknowledge the selected alerts, or every shown alert when none is selected (Ctrl+K)</source>
            <translation>선택한 알림을 확인 처리합니다. 선택이 없으면 표시된 모든 알림을 확인 처리합니다 (Ctrl+K)</translation>
        </message>
        <message>
            <source>High-value orders</source>
            <translation>고액 주문</translation>
        </message>
        <message>
            <source>Open alerts: %1   shown: %2 (IP velocity %3, high value %4)   unacknowledged: %5</source>
            <translation>미해결 알림: %1   표시: %2 (IP 주문 급증 %3, 고액 주문 %4)   미확인: %5</translation>
        </message>
        <message>
            <source>Fraud &amp; Alerts</source>
            <translation>이상 거래 알림</translation>
        </message>
    </context>
    <context>
        <name>opui::HealthPage</name>
        <message>
            <source>Events accepted</source>
            <translation>수신 이벤트</translation>
        </message>
        <message>
            <source>Quarantined</source>
            <translation>격리됨</translation>
        </message>
        <message>
            <source>Late (after the watermark)</source>
            <translation>지연 도착 (워터마크 이후)</translation>
        </message>
        <message>
            <source>Duplicates</source>
            <translation>중복</translation>
        </message>
        <message>
            <source>Events/s</source>
            <translation>초당 이벤트</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>데이터 소스</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>소스</translation>
        </message>
        <message>
            <source>State</source>
            <translation>상태</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>진행률</translation>
        </message>
        <message>
            <source>Bytes/s</source>
            <translation>초당 바이트</translation>
        </message>
        <message>
            <source>Kafka lag</source>
            <translation>Kafka 지연</translation>
        </message>
        <message>
            <source>Last error</source>
            <translation>마지막 오류</translation>
        </message>
        <message>
            <source>Event time</source>
            <translation>이벤트 시각</translation>
        </message>
        <message>
            <source>Watermark (KST):</source>
            <translation>워터마크 (KST):</translation>
        </message>
        <message>
            <source>Latest event time (KST):</source>
            <translation>최신 이벤트 시각 (KST):</translation>
        </message>
        <message>
            <source>Snapshot:</source>
            <translation>스냅샷:</translation>
        </message>
        <message>
            <source>#%1</source>
            <translation>#%1</translation>
        </message>
        <message>
            <source>Sources &amp; Health</source>
            <translation>소스 및 상태</translation>
        </message>
    </context>
    <context>
        <name>opui::ItemTableModel</name>
        <message>
            <source>#</source>
            <translation>순위</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>메뉴</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>수량</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>주문 수</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>매출</translation>
        </message>
    </context>
    <context>
        <name>opui::MainWindow</name>
        <message>
            <source>Replay finished.</source>
            <translation>재생이 끝났습니다.</translation>
        </message>
        <message>
            <source>Replay stopped.</source>
            <translation>재생이 중지되었습니다.</translation>
        </message>
        <message>
            <source>Could not replay: %1</source>
            <translation>재생할 수 없습니다: %1</translation>
        </message>
        <message>
            <source>OrderPulse</source>
            <translation>OrderPulse</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>파일(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Open dataset…</source>
            <translation>데이터셋 열기(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>종료(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>보기(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Full screen</source>
            <translation>전체 화면(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Alerts</source>
            <translation>알림(&amp;A)</translation>
        </message>
        <message>
            <source>Acknowledge &amp;all alerts</source>
            <translation>모든 알림 확인(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>설정(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>언어(&amp;L)</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>시스템 기본값</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>도움말(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About OrderPulse</source>
            <translation>OrderPulse 정보(&amp;A)</translation>
        </message>
        <message>
            <source>About OrderPulse</source>
            <translation>OrderPulse 정보</translation>
        </message>
        <message>
            <source>OrderPulse %1
Real-time order analytics.</source>
            <translation>OrderPulse %1
실시간 주문 분석.</translation>
        </message>
        <message>
            <source>Replay</source>
            <translation>재생</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>재생</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>일시정지</translation>
        </message>
        <message>
            <source>Pause or resume the replay (Space)</source>
            <translation>재생을 일시정지하거나 다시 시작합니다 (Space)</translation>
        </message>
        <message>
            <source> Speed: </source>
            <translation> 속도: </translation>
        </message>
        <message>
            <source>1×</source>
            <translation>1배</translation>
        </message>
        <message>
            <source>10×</source>
            <translation>10배</translation>
        </message>
        <message>
            <source>100×</source>
            <translation>100배</translation>
        </message>
        <message>
            <source>Max</source>
            <translation>최대</translation>
        </message>
        <message>
            <source>Event time per wall time</source>
            <translation>실제 시간 대비 이벤트 시간 배속</translation>
        </message>
        <message>
            <source>%p %</source>
            <translation>%p%</translation>
        </message>
        <message>
            <source>No dataset open.</source>
            <translation>열린 데이터셋이 없습니다.</translation>
        </message>
        <message>
            <source> Dataset: %1</source>
            <translation> 데이터셋: %1</translation>
        </message>
        <message>
            <source>Open dataset</source>
            <translation>데이터셋 열기</translation>
        </message>
        <message>
            <source>Datasets (*.ndjson *.jsonl *.csv *.opb *.gz);;All files (*)</source>
            <translation>데이터셋 (*.ndjson *.jsonl *.csv *.opb *.gz);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>A replay is running; open the dataset when it has finished.</source>
            <translation>재생 중입니다. 재생이 끝난 뒤 데이터셋을 여세요.</translation>
        </message>
        <message>
            <source>Replaying…</source>
            <translation>재생 중…</translation>
        </message>
        <message>
            <source>Replaying… event time %1 (KST)</source>
            <translation>재생 중… 이벤트 시각 %1 (KST)</translation>
        </message>
        <message>
            <source>%1  (%2)</source>
            <translation>%1  (%2)</translation>
        </message>
        <message numerus="yes">
            <source>%n unacknowledged alert(s)</source>
            <translation>
                <numerusform>미확인 알림 %n건</numerusform>
            </translation>
        </message>
        <message>
            <source>Data stale since %1: no new data from the source</source>
            <translation>%1 이후 데이터 갱신 없음: 소스에서 새 데이터가 들어오지 않습니다</translation>
        </message>
        <message>
            <source>cannot create directory '%1'</source>
            <translation>디렉터리 '%1'을(를) 만들 수 없습니다</translation>
        </message>
        <message>
            <source>cannot write '%1'</source>
            <translation>'%1'에 쓸 수 없습니다</translation>
        </message>
        <message>
            <source>Desktop &amp;notifications for new alerts</source>
            <translation>새 알림 데스크톱 알림 받기(&amp;N)</translation>
        </message>
        <message>
            <source>Kiosk &amp;PIN…</source>
            <translation>키오스크 PIN(&amp;P)…</translation>
        </message>
        <message>
            <source>OrderPulse: new fraud alerts</source>
            <translation>OrderPulse: 새 이상 거래 알림</translation>
        </message>
        <message numerus="yes">
            <source>%n new alert(s); %1 unacknowledged in all.</source>
            <translation>
                <numerusform>새 알림 %n건, 미확인 알림은 모두 %1건입니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>Kiosk PIN</source>
            <translation>키오스크 PIN</translation>
        </message>
        <message>
            <source>PIN needed to leave kiosk mode (empty: none):</source>
            <translation>키오스크 모드를 종료할 때 필요한 PIN (비워 두면 PIN 없음):</translation>
        </message>
        <message>
            <source>Filter cleared: recomputing…</source>
            <translation>필터 해제: 다시 계산하는 중…</translation>
        </message>
        <message>
            <source>Filter changed: recomputing…</source>
            <translation>필터 변경: 다시 계산하는 중…</translation>
        </message>
        <message>
            <source>&amp;Export current page (PNG + CSV)…</source>
            <translation>현재 페이지 내보내기 (PNG + CSV)(&amp;E)…</translation>
        </message>
        <message>
            <source>Export table (CSV)…</source>
            <translation>표 내보내기 (CSV)…</translation>
        </message>
        <message>
            <source>Export table</source>
            <translation>표 내보내기</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 파일 (*.csv)</translation>
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation>%1에 쓸 수 없습니다: %2</translation>
        </message>
        <message>
            <source>Export current page to folder</source>
            <translation>현재 페이지를 내보낼 폴더</translation>
        </message>
        <message>
            <source>Export current page</source>
            <translation>현재 페이지 내보내기</translation>
        </message>
        <message>
            <source>Could not export: %1</source>
            <translation>내보낼 수 없습니다: %1</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n file(s) to %1.</source>
            <translation>
                <numerusform>파일 %n개를 %1에 내보냈습니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>테마(&amp;T)</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>시스템 설정 따르기</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>밝게</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>어둡게</translation>
        </message>
    </context>
    <context>
        <name>opui::MerchantTableModel</name>
        <message>
            <source>Restaurant</source>
            <translation>음식점</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>주문 수</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>매출</translation>
        </message>
        <message>
            <source>Avg order</source>
            <translation>객단가</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>평점</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>배달 시간</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>지연율</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>취소</translation>
        </message>
    </context>
    <context>
        <name>opui::OverviewPage</name>
        <message>
            <source>Orders</source>
            <translation>주문 수</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>매출</translation>
        </message>
        <message>
            <source>Average order</source>
            <translation>객단가</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>고객 수</translation>
        </message>
        <message>
            <source>Open alerts</source>
            <translation>미해결 알림</translation>
        </message>
        <message>
            <source>Events/s</source>
            <translation>초당 이벤트</translation>
        </message>
        <message>
            <source>Orders and sales per 30 s window</source>
            <translation>30초 구간별 주문 수와 매출</translation>
        </message>
        <message>
            <source>Sales (₩)</source>
            <translation>매출 (₩)</translation>
        </message>
        <message>
            <source>Window start (KST)</source>
            <translation>구간 시작 (KST)</translation>
        </message>
        <message>
            <source>Orders per window</source>
            <translation>구간별 주문 수</translation>
        </message>
        <message>
            <source>Sales per window (₩)</source>
            <translation>구간별 매출 (₩)</translation>
        </message>
        <message>
            <source>%1: %2 orders</source>
            <translation>%1: %2건</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Top items in the latest window</source>
            <translation>최근 구간 인기 메뉴</translation>
        </message>
        <message>
            <source>Latest alerts</source>
            <translation>최근 알림</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>개요</translation>
        </message>
    </context>
    <context>
        <name>opui::PinDialog</name>
        <message>
            <source>Kiosk PIN</source>
            <translation>키오스크 PIN</translation>
        </message>
        <message>
            <source>Enter the PIN to leave the kiosk or change settings:</source>
            <translation>키오스크를 종료하거나 설정을 바꾸려면 PIN을 입력하세요:</translation>
        </message>
    </context>
    <context>
        <name>opui::RestaurantDetail</name>
        <message>
            <source>Restaurant: %1</source>
            <translation>음식점: %1</translation>
        </message>
        <message>
            <source>Rank %1 of %2 by sales · %3 of all sales</source>
            <translation>매출 순위 %2곳 중 %1위 · 전체 매출의 %3</translation>
        </message>
        <message>
            <source>This restaurant</source>
            <translation>이 음식점</translation>
        </message>
        <message>
            <source>Average restaurant</source>
            <translation>음식점 평균</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>주문</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>매출</translation>
        </message>
        <message>
            <source>Average order</source>
            <translation>객단가</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>평점</translation>
        </message>
        <message>
            <source>Mean delivery time</source>
            <translation>평균 배달 시간</translation>
        </message>
        <message>
            <source>Late deliveries</source>
            <translation>지연 배달</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>Show the dashboard for this restaurant</source>
            <translation>이 음식점만 대시보드에 표시</translation>
        </message>
        <message>
            <source>Filters every page to this restaurant: its trend, items, delivery times and alerts</source>
            <translation>모든 페이지를 이 음식점으로 필터링합니다: 추이, 메뉴, 배달 시간, 알림</translation>
        </message>
    </context>
    <context>
        <name>opui::RestaurantsPage</name>
        <message>
            <source>Top 10 restaurants by sales</source>
            <translation>매출 상위 10개 음식점</translation>
        </message>
        <message>
            <source>Restaurant</source>
            <translation>음식점</translation>
        </message>
        <message>
            <source>Sales (₩)</source>
            <translation>매출 (₩)</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>매출</translation>
        </message>
        <message>
            <source>Restaurants</source>
            <translation>음식점</translation>
        </message>
        <message>
            <source>Double-click a restaurant for its details</source>
            <translation>음식점을 더블클릭하면 상세 정보를 봅니다</translation>
        </message>
    </context>
    <context>
        <name>opui::TrendsPage</name>
        <message>
            <source>Granularity:</source>
            <translation>단위:</translation>
        </message>
        <message>
            <source>Hourly</source>
            <translation>시간별</translation>
        </message>
        <message>
            <source>Daily</source>
            <translation>일별</translation>
        </message>
        <message>
            <source>Orders and sales per hour</source>
            <translation>시간별 주문 수와 매출</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>주문 수</translation>
        </message>
        <message>
            <source>Sales (₩)</source>
            <translation>매출 (₩)</translation>
        </message>
        <message>
            <source>Hour (KST)</source>
            <translation>시각 (KST)</translation>
        </message>
        <message>
            <source>Orders per hour</source>
            <translation>시간당 주문 수</translation>
        </message>
        <message>
            <source>Sales per hour (₩)</source>
            <translation>시간당 매출 (₩)</translation>
        </message>
        <message>
            <source>%1: %2 orders</source>
            <translation>%1: %2건</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Orders and sales per day</source>
            <translation>일별 주문 수와 매출</translation>
        </message>
        <message>
            <source>Day (KST)</source>
            <translation>날짜 (KST)</translation>
        </message>
        <message>
            <source>Orders per day</source>
            <translation>일별 주문 수</translation>
        </message>
        <message>
            <source>Sales per day (₩)</source>
            <translation>일별 매출 (₩)</translation>
        </message>
        <message>
            <source>Orders by hour of week</source>
            <translation>요일·시간대별 주문 수</translation>
        </message>
        <message>
            <source>Hour of day (KST)</source>
            <translation>시간대 (KST)</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>월</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>화</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>수</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>목</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>금</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>토</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>일</translation>
        </message>
        <message>
            <source>Trends</source>
            <translation>추이</translation>
        </message>
    </context>
</TS>
