import type { ClientErrorCode, ErrorCode } from '@titletrack/shared/contract';

// The source catalogue: every other locale is declared `: Messages`, so a missing key fails
// type-check. Placeholders are {name}.
export const zhCN = {
  home: {
    nextDeadline: '下一个截止',
    countdown: '还剩 {days} 天 {hours} 小时 {minutes} 分 {seconds} 秒',
    allDeadlinesPassed: '{year} 年度的各项截止时间均已过去',
    calendarTitle: '{year} 年度日程',
    notices: '官方通知',
    demoClock: '演示时间：{time}',
    today: '今天',
  },
  calendar: {
    phase: { past: '已结束', current: '进行中', upcoming: '未开始' },
    opens: '开始：{time}',
    closes: '截止：{time}',
    section: '依据：通知第{section}条',
    interpretation: '说明：{text}',
  },
  notice: {
    publishedOn: '发布：{date}',
    issuer: '发文单位：{issuer}',
  },
  state: {
    loading: '正在加载…',
    empty: '暂无内容',
    retry: '重新加载',
  },
  errors: {
    VALIDATION_FAILED: '请求有误，请返回重试',
    NOT_FOUND: '没有找到相关内容',
    NOTICE_NOT_FOUND: '该通知不存在或已撤下',
    CALENDAR_NOT_FOUND: '该年度日程尚未发布',
    DATABASE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
    UNAUTHENTICATED: '请先登录',
    FORBIDDEN: '没有权限查看该内容',
    INVALID_CREDENTIALS: '用户名或密码不正确',
    DEV_LOGIN_DISABLED: '正式环境不提供体验登录',
    WECHAT_NOT_CONFIGURED: '微信登录暂未开通',
    WECHAT_CODE_INVALID: '登录已失效，请重新登录',
    WECHAT_RATE_LIMITED: '登录过于频繁，请稍后再试',
    WECHAT_RISKY_USER: '微信提示该账号存在风险，暂时无法登录',
    WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后再试',
    ID_CARD_INVALID: '身份证号码格式不正确，请核对',
    BINDING_NOT_MATCHED: '没有找到与所填信息一致的申报，请核对姓名、身份证号和申报编号',
    APPLICATION_NOT_FOUND: '没有找到该申报',
    RATE_LIMITED: '尝试次数过多，请稍后再试',
    USERNAME_TAKEN: '该用户名已被使用',
    FILE_REQUIRED: '请选择要导入的文件',
    IMPORT_FILE_REJECTED: '文件无法导入，请检查格式和大小',
    IMPORT_ROWS_INVALID: '文件中有错误的行，未导入任何数据',
    WEBHOOK_NOT_CONFIGURED: '平台推送未开通',
    WEBHOOK_SIGNATURE_INVALID: '推送签名无效',
    INTERNAL_ERROR: '服务出现问题，请稍后再试',
    NETWORK_ERROR: '网络连接失败，请检查网络后重试',
    TIMEOUT: '网络较慢，请求超时，请重试',
  } satisfies Record<ErrorCode | ClientErrorCode, string>,
};

export type Messages = typeof zhCN;
