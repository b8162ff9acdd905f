// <echarts-chart>: draws the ECharts option (a JSON string) set on its `option` property.
// Plain custom element, no build step: echarts.min.js is served beside it as a static script.
(function () {
  if (customElements.get('echarts-chart')) {
    return;
  }
  class EchartsChart extends HTMLElement {
    constructor() {
      super();
      // Flow may set the property before the element is upgraded; re-apply it through the setter.
      if (Object.prototype.hasOwnProperty.call(this, 'option')) {
        const early = this.option;
        delete this.option;
        this._option = early;
      }
    }

    set option(value) {
      this._option = value;
      this._render();
    }

    get option() {
      return this._option;
    }

    connectedCallback() {
      if (!this.style.display) {
        this.style.display = 'block';
      }
      if (!this._chart && window.echarts) {
        this._chart = window.echarts.init(this);
        this._resize = new ResizeObserver(() => this._chart && this._chart.resize());
        this._resize.observe(this);
      }
      this._render();
    }

    disconnectedCallback() {
      if (this._resize) {
        this._resize.disconnect();
        this._resize = null;
      }
      if (this._chart) {
        this._chart.dispose();
        this._chart = null;
      }
    }

    _render() {
      if (!this._chart) {
        if (this.isConnected && window.echarts) {
          this.connectedCallback();
        }
        return;
      }
      if (this._option) {
        this._chart.setOption(JSON.parse(this._option), true);
        this.setAttribute('data-rendered', 'true');
      }
    }
  }
  customElements.define('echarts-chart', EchartsChart);
})();
