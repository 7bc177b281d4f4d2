// antd theme tokens for normal and 长辈版. Colours are chosen for ≥ 4.5:1 contrast on white.
import type { ThemeConfig } from 'antd';

export const GOV_BLUE = '#0052d9';
export const GOV_BLUE_DARK = '#0b3f8f';

const fontFamily =
  '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif';

const shared: ThemeConfig['token'] = {
  colorPrimary: GOV_BLUE,
  colorLink: GOV_BLUE,
  // Hover/active shades stay dark: antd's default derived hover blue is too light for 4.5:1.
  colorLinkHover: '#003ca6',
  colorLinkActive: '#002e80',
  colorPrimaryHover: '#0043b8',
  colorPrimaryActive: '#00348f',
  colorPrimaryTextHover: '#003ca6',
  colorPrimaryTextActive: '#002e80',
  colorErrorHover: '#a8071a',
  colorErrorActive: '#820014',
  colorErrorTextHover: '#a8071a',
  colorInfo: GOV_BLUE,
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  colorError: '#c41d1d',
  // Light backgrounds for Alert/Result; antd derives muddy ones from the dark status colours above.
  colorSuccessBg: '#f0f9eb',
  colorSuccessBorder: '#95de64',
  colorWarningBg: '#fff7e6',
  colorWarningBorder: '#ffc069',
  colorErrorBg: '#fff1f0',
  colorErrorBorder: '#ffa39e',
  colorInfoBg: '#e8f1ff',
  colorInfoBorder: '#91caff',
  colorText: 'rgba(0, 0, 0, 0.88)',
  colorTextSecondary: '#4f4f4f',
  colorTextTertiary: '#595959',
  colorTextDescription: '#595959',
  colorTextPlaceholder: '#6e6e6e',
  colorBgLayout: '#f3f6fb',
  borderRadius: 6,
  fontFamily,
};

export const normalTheme: ThemeConfig = {
  token: { ...shared, fontSize: 15, lineHeight: 1.6 },
  components: {
    Tag: { defaultColor: '#3a3a3a' },
  },
};

/** 工信部 适老化: text ≥ 18 px, line height ≥ 1.3, targets ≥ 60 px, stronger contrast. */
export const elderlyTheme: ThemeConfig = {
  token: {
    ...shared,
    colorText: '#111111',
    colorTextSecondary: '#2b2b2b',
    colorTextTertiary: '#333333',
    colorTextDescription: '#333333',
    fontSize: 20,
    fontSizeLG: 22,
    fontSizeSM: 18,
    fontSizeHeading1: 36,
    fontSizeHeading2: 30,
    fontSizeHeading3: 26,
    fontSizeHeading4: 23,
    fontSizeHeading5: 21,
    lineHeight: 1.6,
    controlHeight: 60,
    controlHeightLG: 64,
    controlHeightSM: 60,
  },
  components: {
    Button: { contentFontSize: 20, contentFontSizeLG: 22, paddingInline: 20 },
    Menu: { itemHeight: 60 },
    Pagination: { itemSize: 60 },
    Tabs: { titleFontSize: 22 },
  },
};
